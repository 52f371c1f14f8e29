import { ACCESSOR_VERBS, CREDENTIAL_HEADERS, DECRYPT_CALLS, type SourceMatchOptions } from '../catalogs/sources.js';
import { classifyName, splitWords, type NameClassification } from '../names/index.js';

/**
 * Secret sources recognised by name, from the tables in `../catalogs/sources.ts`: credential
 * headers, decrypt-like callees, accessor functions that promise a secret (`getApiKey`), and the
 * access-path text helpers the flow module and the checks share.
 */

const lower = (list: readonly string[]) => new Set(list.map((s) => s.toLowerCase()));

const CREDENTIAL_HEADER_SET = lower(CREDENTIAL_HEADERS);

/** Display text of an access path: `["req","headers","x-api-key"]` -> `req.headers['x-api-key']`. */
export function pathText(path: readonly string[]): string {
  return path
    .map((seg, i) => (i === 0 ? seg : /^[A-Za-z_$][\w$]*(\(\))?$/.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`))
    .join('');
}

/** Matches a catalog entry (plain or dotted) against a callee path. */
export function matchesCallEntry(entry: string, path: readonly string[]): boolean {
  const parts = entry.split('.');
  if (parts.length > path.length) return false;
  const tail = path.slice(path.length - parts.length).map(stripCall);
  return parts.every((p, i) => p.toLowerCase() === tail[i]?.toLowerCase());
}

/** `getLogger()` -> `getLogger`: access paths mark call results with `()`. */
export function stripCall(segment: string): string {
  return segment.endsWith('()') ? segment.slice(0, -2) : segment;
}

/** True when a header name carries a credential: the fixed list, or a secret-classified name. */
export function isCredentialHeader(header: string, options: SourceMatchOptions = {}): NameClassification | undefined {
  const h = header.toLowerCase();
  if (CREDENTIAL_HEADER_SET.has(h)) {
    const kind = h.includes('cookie')
      ? 'cookie'
      : h.includes('authorization')
        ? 'authorization'
        : (classifyName(h, options.classifier).kind ?? 'token');
    return {
      verdict: 'secret',
      isSecret: true,
      kind,
      words: splitWords(h),
      matched: [h],
      reason: `"${h}" carries a credential`,
    };
  }
  const c = classifyName(h, options.classifier);
  return c.isSecret ? c : undefined;
}

/** Words that make a cookie's name name a credential: `sessionCookie`, `authCookie`, `connect.sid`, `__Host-csrf`. */
export const CREDENTIAL_COOKIE_WORDS: ReadonlySet<string> = new Set([
  'session',
  'sess',
  'sid',
  'auth',
  'authentication',
  'refresh',
  'access',
  'remember',
  'login',
  'jwt',
  'token',
  'bearer',
  'identity',
  'csrf',
  'xsrf',
]);

/**
 * True when a cookie's name says it carries a credential: a credential word (`next-auth.session-token`,
 * `connect.sid`, `auth`) or a secret name (`apiKey`). `track`, `theme`, `locale`, `consent`, `ref` and
 * `utm_source` cookies hold an analytics id or a preference.
 */
export function isCredentialCookieName(name: string, options: SourceMatchOptions = {}): boolean {
  if (splitWords(name).some((w) => CREDENTIAL_COOKIE_WORDS.has(w))) return true;
  // `cookie`, `cookieValue`: the word "cookie" alone says nothing of what the cookie holds.
  const c = classifyName(name, options.classifier);
  return c.isSecret && c.kind !== 'cookie';
}

/** True when a callee path names a decrypt-like function (see `DECRYPT_CALLS`). */
export function isDecryptCallee(path: readonly string[]): boolean {
  const last = stripCall(path[path.length - 1] ?? '');
  const firstWord = splitWords(last)[0];
  return DECRYPT_CALLS.some((entry) =>
    entry.includes('.')
      ? matchesCallEntry(entry, path)
      : entry.toLowerCase() === last.toLowerCase() || firstWord === entry.toLowerCase(),
  );
}

/**
 * A function or method name that promises a secret: an accessor verb followed by a secret name
 * (`getApiKey`, `loadDbPassword`, `readClientSecret`). Returns the classification of the rest.
 */
export function accessorSecretName(name: string, options: SourceMatchOptions = {}): NameClassification | undefined {
  const words = splitWords(name);
  if (words.length < 2 || !ACCESSOR_VERBS.includes(words[0]!)) return undefined;
  const c = classifyName(name, options.classifier);
  return c.isSecret ? c : undefined;
}
