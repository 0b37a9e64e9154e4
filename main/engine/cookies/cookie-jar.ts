import { readFile } from 'node:fs/promises';
import { Cookie, CookieJar, MemoryCookieStore, canonicalDomain, type SerializedCookieJar } from 'tough-cookie';
import { ShuttleFailure } from '../../../shared/contract/errors.ts';
import type { StoredCookie } from '../../../shared/model/cookie.ts';
import { writeFileAtomic } from '../../store/atomic-write.ts';

const COOKIES_FORMAT_VERSION = 1;

/**
 * A cookie jar requests go through: cookies from Set-Cookie on each response (each redirect hop
 * included) are sent back automatically, as a browser would. Each workspace has its own
 * (workspace-cookie-jars.ts).
 */
export interface CookieJarStore {
  /** The Cookie header for a request to `url`, or undefined when no cookie applies. */
  cookieHeaderFor(url: URL): string | undefined;
  /** Keeps every valid Set-Cookie of a response from `url`; invalid ones are ignored, as browsers do. */
  storeFromResponse(url: URL, setCookies: readonly string[]): void;
  list(): Promise<StoredCookie[]>;
  set(cookie: StoredCookie): Promise<StoredCookie>;
  delete(domain: string, path: string, name: string): Promise<boolean>;
  clear(): Promise<number>;
  /** Resolves once every change so far is on disk. */
  flush(): Promise<void>;
}

/**
 * The jar kept in the file at `path`. A missing or unreadable file starts an empty jar (never
 * stops the app); it is rewritten, atomically, after each change.
 *
 * Session cookies are kept too: closing an API client is not the end of a browser session, and
 * people expect a login cookie to survive a restart (as in Postman's jar). Clearing is explicit.
 */
export async function openCookieJar(path: string, about: { workspace?: string } = {}): Promise<CookieJarStore> {
  const store = new MemoryCookieStore();
  const jar = await load(path, store);
  // The hot path skips the jar entirely while it holds nothing (most API requests).
  let mayHoldCookies = (await store.getAllCookies()).length > 0;
  let writing: Promise<void> = Promise.resolve();
  let dirty = false;

  const persist = () => {
    if (dirty) return;
    dirty = true;
    // Coalesced: many Set-Cookie headers in a burst of requests make one write, queued after the last.
    writing = writing.then(async () => {
      dirty = false;
      const document = { formatVersion: COOKIES_FORMAT_VERSION, ...about, jar: jar.serializeSync() };
      await writeFileAtomic(path, JSON.stringify(document, null, 2) + '\n', 0o600).catch(() => undefined);
    });
  };

  return {
    cookieHeaderFor(url) {
      if (!mayHoldCookies) return undefined;
      const header = jar.getCookieStringSync(url.href);
      return header === '' ? undefined : header;
    },
    storeFromResponse(url, setCookies) {
      let stored = false;
      for (const header of setCookies) {
        if (jar.setCookieSync(header, url.href, { ignoreError: true })) stored = true;
      }
      if (stored) {
        mayHoldCookies = true;
        persist();
      }
    },
    async list() {
      const now = Date.now();
      const cookies = (await store.getAllCookies()).filter((cookie) => cookie.TTL(now) > 0);
      return cookies.map(toStoredCookie).sort(byDomainPathName);
    },
    async set(input) {
      const domain = canonicalDomain(input.domain.replace(/^\./, ''));
      if (!domain) throw new ShuttleFailure('VALIDATION', `"${input.domain}" is not a valid cookie domain`, { domain: input.domain });
      if (!input.path.startsWith('/')) throw new ShuttleFailure('VALIDATION', 'A cookie path starts with "/"', { path: input.path });
      const cookie = new Cookie({
        key: input.name,
        value: input.value,
        domain,
        path: input.path,
        expires: input.expires === null ? 'Infinity' : new Date(input.expires),
        httpOnly: input.httpOnly,
        secure: input.secure,
        hostOnly: input.hostOnly,
        ...(input.sameSite ? { sameSite: input.sameSite } : {}),
      });
      // Checked by serialising it, as it would go into a Cookie header: no separators or controls.
      if (!cookie.validate() || /[;\r\n\0]/.test(input.name + input.value)) {
        throw new ShuttleFailure('VALIDATION', `Cookie "${input.name}" has characters a Cookie header cannot carry`, { name: input.name });
      }
      await store.putCookie(cookie);
      mayHoldCookies = true;
      persist();
      return toStoredCookie(cookie);
    },
    async delete(domain, path, name) {
      const canonical = canonicalDomain(domain.replace(/^\./, '')) ?? domain;
      const existing = await store.findCookie(canonical, path, name);
      if (!existing) return false;
      await store.removeCookie(canonical, path, name);
      persist();
      return true;
    },
    async clear() {
      const count = (await store.getAllCookies()).length;
      await store.removeAllCookies();
      mayHoldCookies = false;
      persist();
      return count;
    },
    async flush() {
      await writing;
    },
  };
}

async function load(path: string, store: MemoryCookieStore): Promise<CookieJar> {
  const fresh = () => new CookieJar(store);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return fresh();
  }
  const serialized = (raw as { jar?: unknown } | null)?.jar;
  if (!serialized || typeof serialized !== 'object') return fresh();
  try {
    return CookieJar.deserializeSync(serialized as SerializedCookieJar, store);
  } catch {
    // A damaged file costs the cookies, never the start-up; the next change rewrites it.
    return fresh();
  }
}

function toStoredCookie(cookie: Cookie): StoredCookie {
  const expires = cookie.expiryTime();
  const sameSite = typeof cookie.sameSite === 'string' ? cookie.sameSite.toLowerCase() : undefined;
  return {
    name: cookie.key,
    value: cookie.value,
    domain: cookie.domain ?? '',
    path: cookie.path ?? '/',
    expires: expires === undefined || !Number.isFinite(expires) ? null : expires,
    httpOnly: cookie.httpOnly,
    secure: cookie.secure,
    ...(sameSite === 'strict' || sameSite === 'lax' || sameSite === 'none' ? { sameSite } : {}),
    hostOnly: cookie.hostOnly ?? false,
  };
}

function byDomainPathName(a: StoredCookie, b: StoredCookie): number {
  return a.domain.localeCompare(b.domain) || a.path.localeCompare(b.path) || a.name.localeCompare(b.name);
}
