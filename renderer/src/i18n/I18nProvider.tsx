import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { ShuttleError } from '../../../shared/contract/errors.ts';
import type { Settings } from '../../../shared/model/settings.ts';
import { en, type Catalog, type MessageKey } from './en.ts';
import { zhCN } from './zh-CN.ts';

export type Locale = 'en' | 'zh-CN';
const catalogs: Record<Locale, Catalog> = { en, 'zh-CN': zhCN };

export type Translate = (key: MessageKey, params?: Record<string, string | number | boolean | undefined>) => string;

interface I18n {
  locale: Locale;
  t: Translate;
}

const I18nContext = createContext<I18n>({ locale: 'en', t: (key, params) => interpolate(en[key], params) });

/** The UI language: the user's choice, else the first system/browser language we have a catalog for. */
export function resolveLocale(choice: Settings['language'], preferred: readonly string[] = navigator.languages): Locale {
  if (choice !== 'system') return choice;
  for (const language of preferred) {
    if (language.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (language.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}

export function I18nProvider({ language, children }: { language: Settings['language']; children: ReactNode }) {
  const value = useMemo<I18n>(() => {
    const locale = resolveLocale(language);
    const catalog = catalogs[locale];
    return { locale, t: (key, params) => interpolate(catalog[key], params) };
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

function interpolate(text: string, params?: Record<string, string | number | boolean | undefined>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (params[name] === undefined ? match : String(params[name])));
}

/** The sentence the UI shows for an error: the catalog's `error.<CODE>`, filled in from the error's detail. */
export function errorSentence(t: Translate, error: ShuttleError): string {
  return t(`error.${error.code}`, { ...error.detail, message: error.message });
}

/** Node's codes for a server certificate from an authority nobody here trusts (a local CA, a company's, a self-signed one). */
const UNTRUSTED_CERTIFICATE = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT']);

/**
 * What to do about an error, where the sentence alone leaves a person stuck: a certificate nobody
 * trusts is the commonest question in every API client's tracker, and the ways out are ours to name.
 */
export function errorHint(t: Translate, error: ShuttleError): string | undefined {
  if (error.code === 'TLS' && UNTRUSTED_CERTIFICATE.has(String(error.detail?.code ?? ''))) return t('certificates.untrustedHint');
  return undefined;
}
