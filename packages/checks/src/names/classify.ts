// FIRST CUT: the API is fixed; the names helper replaces the word lists and logic behind it.
export type SecretKind =
  | 'password'
  | 'token'
  | 'api-key'
  | 'private-key'
  | 'client-secret'
  | 'credential'
  | 'connection-string'
  | 'session'
  | 'cookie'
  | 'signing-key'
  | 'authorization'
  | 'otp'
  | 'mnemonic'
  | 'secret';

/**
 * - `secret`: the name holds a secret value (`password`, `apiKey`, `DATABASE_URL`).
 * - `protected`: a secret in a protected form (`passwordHash`, `encryptedToken`, `token_nonce`).
 * - `metadata`: describes a secret without holding it (`passwordPolicy`, `tokenCount`, `keyId`).
 * - `none`: nothing to do with secrets.
 */
export type NameVerdict = 'secret' | 'protected' | 'metadata' | 'none';

export interface NameClassification {
  readonly verdict: NameVerdict;
  /** Shorthand for `verdict === 'secret'`. */
  readonly isSecret: boolean;
  /** The kind of secret named (also set for `protected` and `metadata`). */
  readonly kind?: SecretKind;
  /** The words the name was split into, lower-case. */
  readonly words: readonly string[];
  /** The words that decided the verdict. */
  readonly matched: readonly string[];
  /** A short human explanation, e.g. `"password" names a password`. */
  readonly reason: string;
}

export interface ClassifierOptions {
  /** Extra words that make a name secret. */
  readonly extraSecretWords?: readonly string[];
  /** Words or whole names that never make a name secret. */
  readonly ignoredNames?: readonly string[];
}

/** Splits any identifier, path or header name into lower-case words. */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

const SECRET_WORDS: Record<string, SecretKind> = {
  password: 'password', passwd: 'password', pwd: 'password', secret: 'secret', token: 'token',
  apikey: 'api-key', credential: 'credential', credentials: 'credential', jwt: 'token', bearer: 'token',
  authorization: 'authorization', cookie: 'cookie', dsn: 'connection-string', otp: 'otp', mnemonic: 'mnemonic',
};
const PROTECTED = new Set(['hash', 'hashed', 'digest', 'encrypted', 'ciphertext', 'nonce', 'iv', 'salt']);
const METADATA = new Set(['policy', 'count', 'name', 'id', 'version', 'type', 'at', 'is', 'has', 'max', 'expires', 'length']);

/** Says whether a name (identifier, property path, header, env var) names a secret, which kind, and why. */
export function classifyName(name: string, options: ClassifierOptions = {}): NameClassification {
  const last = name.split('.').pop() ?? name;
  const words = splitWords(last);
  if (options.ignoredNames?.some((n) => n.toLowerCase() === last.toLowerCase() || words.includes(n.toLowerCase()))) {
    return { verdict: 'none', isSecret: false, words, matched: [], reason: 'ignored by configuration' };
  }
  const extra = new Set(options.extraSecretWords?.map((w) => w.toLowerCase()) ?? []);
  const joined = words.join('');
  const hit = words.find((w) => SECRET_WORDS[w] || extra.has(w)) ?? (joined.includes('apikey') ? 'apikey' : undefined);
  if (!hit) return { verdict: 'none', isSecret: false, words, matched: [], reason: 'no secret word' };
  const kind = SECRET_WORDS[hit] ?? 'secret';
  const prot = words.find((w) => PROTECTED.has(w));
  if (prot) return { verdict: 'protected', isSecret: false, kind, words, matched: [hit, prot], reason: `"${prot}" marks a protected form` };
  const meta = words.find((w) => METADATA.has(w));
  if (meta) return { verdict: 'metadata', isSecret: false, kind, words, matched: [hit, meta], reason: `"${meta}" describes a ${kind}` };
  return { verdict: 'secret', isSecret: true, kind, words, matched: [hit], reason: `"${hit}" names a ${kind}` };
}

/** Shorthand for `classifyName(name, options).isSecret`. */
export function isSecretName(name: string, options?: ClassifierOptions): boolean {
  return classifyName(name, options).isSecret;
}
