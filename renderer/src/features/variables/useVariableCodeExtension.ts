import { useMemo } from 'react';
import type { Extension } from '@codemirror/state';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { variableCodeExtension } from './variable-code-extension.ts';
import { describeVariable } from './variable-text.ts';
import { useVariables } from './VariablesContext.tsx';

/** The code editor's `{{variables}}` support for the active tab; a new value whenever its variables change. */
export function useVariableCodeExtension(): Extension {
  const { t } = useI18n();
  const { lookup, names } = useVariables();
  return useMemo(
    () => variableCodeExtension({ lookup, names, describe: (found) => describeVariable(found, t), suggestionsLabel: t('vars.suggestions') }),
    [lookup, names, t],
  );
}
