import { splitPath, splitWords } from './split.js';
import {
  ANSWER_QUALIFIERS,
  AUTH_HEADER_WORDS,
  CARRIER_WORDS,
  CONJUNCTIONS,
  EXCLUDING_WORDS,
  CLIENT_ENV_PREFIXES,
  CODE_QUALIFIERS,
  COMPOUND_PARTS,
  CREDENTIAL_AUTH_WORDS,
  DATASTORE_WORDS,
  KEY_QUALIFIERS,
  METADATA_PREFIXES,
  METADATA_WORDS,
  MNEMONIC_WORDS,
  NON_CREDENTIAL_TOKEN_OWNERS,
  NON_CREDENTIAL_TOKEN_QUALIFIERS,
  PREDICATE_PREFIXES,
  PREPOSITIONS,
  PROTECTED_WORDS,
  PUBLIC_WORDS,
  SECRET_NOUNS,
  SECRET_QUALIFIERS,
  UNSPLITTABLE,
  WEBHOOK_URL_SERVICES,
  type SecretKind,
} from './words.js';

export type { SecretKind } from './words.js';
export { splitWords } from './split.js';

/**
 * - `secret`: the name holds a secret value (`password`, `apiKey`, `DATABASE_URL`).
 * - `protected`: a secret in a protected form (`passwordHash`, `encryptedToken`, `token_nonce`).
 * - `metadata`: describes a secret without holding it (`passwordPolicy`, `tokenCount`, `isTokenValid`).
 * - `none`: nothing to do with secrets, or a value that is public by design (`publicKey`, `NEXT_PUBLIC_*`).
 */
export type NameVerdict = 'secret' | 'protected' | 'metadata' | 'none';

export interface NameClassification {
  readonly verdict: NameVerdict;
  /** Shorthand for `verdict === 'secret'`. */
  readonly isSecret: boolean;
  /** The kind of secret named (also set for `protected` and `metadata`). */
  readonly kind?: SecretKind;
  /** The words the name was split into, lower-case (of the path segments that decided). */
  readonly words: readonly string[];
  /** The words that decided the verdict. */
  readonly matched: readonly string[];
  /** A short human explanation, e.g. `"password" names a password`. */
  readonly reason: string;
}

export interface ClassifierOptions {
  /** Extra words that make a name secret (`pin`, `licenseKey`); a camelCase entry is a phrase. */
  readonly extraSecretWords?: readonly string[];
  /** Words or whole names that never make a name secret (`tokenizer`, `maxTokens`). */
  readonly ignoredNames?: readonly string[];
}

/** The options, compiled once per options object. */
interface Lexicon {
  readonly extraPhrases: readonly (readonly string[])[];
  readonly ignoredWords: ReadonlySet<string>;
  readonly ignoredWholeNames: ReadonlySet<string>;
  readonly cache: Map<string, NameClassification>;
}

/** Where a secret noun sits in a name: `words[start..index]` name it (`api key`: start at `api`). */
interface Head {
  readonly index: number;
  readonly start: number;
  readonly kind: SecretKind;
}

/** A word that looks like a secret noun but is not a credential here (`pageToken`, `publicKey`). */
interface Block {
  readonly index: number;
  readonly reason: string;
  readonly matched: readonly string[];
}

const VOCABULARY: ReadonlySet<string> = new Set([
  ...SECRET_NOUNS.keys(),
  ...KEY_QUALIFIERS.keys(),
  ...SECRET_QUALIFIERS.keys(),
  ...CODE_QUALIFIERS.keys(),
  ...DATASTORE_WORDS,
  ...METADATA_WORDS,
  ...CARRIER_WORDS,
  ...PROTECTED_WORDS,
  ...COMPOUND_PARTS,
  ...PUBLIC_WORDS,
  'key',
  'url',
  'uri',
  'code',
  'header',
  'auth',
  'phrase',
  'words',
  'webhook',
  'session',
  'answer',
]);

/** `tokens` -> `token`, `credentials` -> `credential`, `hashes` -> `hash`; unknown words stay. */
function singular(word: string): string {
  if (word.length <= 3 || !word.endsWith('s') || VOCABULARY.has(word)) return word;
  // `passes` is a verb or other passes, never passwords.
  if (word === 'passes') return word;
  const base = word.slice(0, -1);
  if (VOCABULARY.has(base)) return base;
  if (word.endsWith('es') && VOCABULARY.has(word.slice(0, -2))) return word.slice(0, -2);
  return word;
}

const MAY_HOLD_SECRET_PART =
  /pass|pwd|pw|secret|token|key|cred|cookie|jwt|dsn|ur[il]|otp|str|sess|pin|mnemonic|bearer|pepper|authorization/;
const SHORT_PARTS = new Set(['db', 'pg', 'id', 'gh', 'pw']);
const compoundCache = new Map<string, readonly string[] | null>();

/** Splits a run-together word into known words (`apikey` -> `api key`, `PGPASSWORD` -> `pg password`),
 * only when the parts are all known and one of them can name a secret. */
function compoundParts(word: string): readonly string[] | null {
  // A useful split has a part that can name a secret; most words have none of these letters in a row.
  if (word.length < 5 || word.length > 48 || !MAY_HOLD_SECRET_PART.test(word)) return null;
  const cached = compoundCache.get(word);
  if (cached !== undefined) return cached;
  const parts = UNSPLITTABLE.has(word) ? null : splitKnown(word);
  const useful = parts !== null && parts.some((p) => HEAD_WORDS.has(p));
  if (compoundCache.size > 20_000) compoundCache.clear();
  compoundCache.set(word, useful ? parts : null);
  return useful ? parts : null;
}

function splitKnown(word: string, memo = new Map<string, string[] | null>()): string[] | null {
  const seen = memo.get(word);
  if (seen !== undefined) return seen;
  const known = (part: string) => (part.length >= 3 || SHORT_PARTS.has(part)) && VOCABULARY.has(singular(part));
  let found: string[] | null = null;
  // Longest known prefix first, so `secretkey` is `secret key` and not something shorter.
  for (let i = word.length - 2; i >= 2 && !found; i--) {
    const head = word.slice(0, i);
    if (!known(head)) continue;
    const tail = word.slice(i);
    if (known(tail)) found = [singular(head), singular(tail)];
    else {
      const rest = splitKnown(tail, memo);
      if (rest) found = [singular(head), ...rest];
    }
  }
  memo.set(word, found);
  return found;
}

/** The words of one path segment, run-together words split and plurals made singular. */
function lexemes(segment: string): string[] {
  const out: string[] = [];
  for (const whole of splitWords(segment)) {
    // `password2` is a password, `sha256` a hash: digits are their own word for the grammar.
    const pieces = /\d/.test(whole) && /[a-z]/.test(whole) ? whole.match(/[a-z]+|\d+/g)! : [whole];
    for (const raw of pieces) pushLexeme(out, raw);
  }
  return out;
}

/** Adds one word, singular, split into known parts when it runs several together. */
function pushLexeme(out: string[], raw: string): void {
  // `customDataKeys`, `dataKeys`: the keys of a record's data (field names), unlike one `dataKey`.
  if (raw === 'keys' && out.at(-1) === 'data') {
    out.push('keys');
    return;
  }
  const word = singular(raw);
  const parts = VOCABULARY.has(word) || SECRET_NOUNS.has(word) ? null : compoundParts(word);
  if (parts) out.push(...parts);
  else out.push(word);
}

/** The words that can end a secret noun phrase; every other word is skipped at once. */
const HEAD_WORDS: ReadonlySet<string> = new Set([
  ...SECRET_NOUNS.keys(),
  'key',
  'keys',
  'url',
  'uri',
  'string',
  'str',
  'id',
  'code',
  'header',
  'auth',
  'phrase',
  'words',
  'answer',
]);

/** A word that belongs to the secret noun after it (`access token`, `github token`) in `matched`. */
function isQualifier(word: string): boolean {
  return (
    (COMPOUND_PARTS.has(word) || KEY_QUALIFIERS.has(word)) &&
    !PROTECTED_WORDS.has(word) &&
    !PUBLIC_WORDS.has(word) &&
    !METADATA_WORDS.has(word) &&
    !CARRIER_WORDS.has(word)
  );
}

/** Finds every secret noun phrase in the words, and the words that look like one but are not. */
function findHeads(words: readonly string[], lexicon: Lexicon): { heads: Head[]; blocks: Block[] } {
  const heads: Head[] = [];
  const blocks: Block[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if ((!HEAD_WORDS.has(w) && lexicon.extraPhrases.length === 0) || lexicon.ignoredWords.has(w)) continue;
    const prev = words[i - 1] ?? '';
    const prev2 = words[i - 2] ?? '';
    const oneTime = prev === 'time' && prev2 === 'one';
    const head = (kind: SecretKind, start = i) => heads.push({ index: i, start, kind });
    const block = (reason: string, from = i - 1) =>
      blocks.push({ index: i, reason, matched: words.slice(from, i + 1) });

    for (const phrase of lexicon.extraPhrases) {
      const start = i - phrase.length + 1;
      if (start >= 0 && phrase.every((p, k) => words[start + k] === p)) head('secret', start);
    }
    const noun = SECRET_NOUNS.get(w);
    if (noun) {
      if (w === 'secret') {
        const kind = SECRET_QUALIFIERS.get(prev);
        head(kind ?? 'secret', kind ? i - 1 : i);
      } else if (w === 'token') {
        if (NON_CREDENTIAL_TOKEN_QUALIFIERS.has(prev)) block(`"${prev} token" is not a credential`);
        else head(oneTime ? 'otp' : prev === 'session' ? 'session' : 'token', isQualifier(prev) ? i - 1 : i);
      } else if (w === 'dsn' && prev === 'sentry') {
        block('a Sentry DSN is public by design');
      } else {
        head(oneTime ? 'otp' : noun, oneTime ? i - 2 : i);
      }
      continue;
    }
    switch (w) {
      case 'key': {
        const kind = KEY_QUALIFIERS.get(prev);
        if (kind) head(kind, i - 1);
        else if (PUBLIC_WORDS.has(prev)) block(`a "${prev} key" is public by design`);
        // `TOKEN_KEY`, `passwordKey`: the key that protects a secret is a secret too.
        else if (SECRET_NOUNS.has(prev)) head('secret', i - 1);
        break;
      }
      case 'url':
      case 'uri':
        if (DATASTORE_WORDS.has(prev) || prev === 'connection' || prev === 'conn') head('connection-string', i - 1);
        else if (prev === 'webhook' && WEBHOOK_URL_SERVICES.has(prev2)) head('token', i - 2);
        break;
      case 'string':
      case 'str':
        if (prev === 'connection' || prev === 'conn') head('connection-string', i - 1);
        break;
      case 'id':
        if (prev === 'session') head('session', i - 1);
        break;
      case 'code': {
        const kind = oneTime ? 'otp' : CODE_QUALIFIERS.get(prev);
        if (kind) head(kind, oneTime ? i - 2 : i - 1);
        break;
      }
      case 'header': {
        const kind = AUTH_HEADER_WORDS.get(prev);
        if (kind) head(kind, i - 1);
        break;
      }
      case 'auth':
        if (CREDENTIAL_AUTH_WORDS.has(prev)) head('credential', i - 1);
        break;
      case 'keys':
        if (prev === 'data') block('"data keys" are the keys of a record\'s data, field names');
        break;
      case 'answer':
        // `secretAnswer`, `security_answer`: the answer to a security question logs a user in.
        if (ANSWER_QUALIFIERS.has(prev)) head('credential', i - 1);
        break;
      case 'phrase':
      case 'words':
        if (MNEMONIC_WORDS.has(prev)) head('mnemonic', i - 1);
        break;
    }
  }
  // At one index the longest phrase wins (an extra phrase `verifyToken` over the noun `token`).
  heads.sort((x, y) => x.index - y.index || y.start - x.start);
  return { heads, blocks };
}

function result(
  verdict: NameVerdict,
  words: readonly string[],
  matched: readonly string[],
  reason: string,
  kind?: SecretKind,
): NameClassification {
  // Cached results are shared between callers: the object is frozen, its arrays are typed readonly.
  return Object.freeze(
    kind
      ? { verdict, isSecret: verdict === 'secret', kind, words, matched, reason }
      : { verdict, isSecret: verdict === 'secret', words, matched, reason },
  );
}

const quote = (words: readonly string[]) => `"${words.join(' ')}"`;
/** `a password`, `an api-key`, `an otp`. */
const a = (kind: string) => (/^[aeio]/.test(kind) ? `an ${kind}` : `a ${kind}`);
const isNumber = (w: string) => /^\d+$/.test(w);

/** The grammar: the rightmost secret noun is the head; what follows it says whether the name holds it. */
function classifyWords(words: readonly string[], lexicon: Lexicon): NameClassification {
  const join = words.findIndex((w, k) => k > 0 && k < words.length - 1 && CONJUNCTIONS.has(w));
  if (join !== -1) {
    // `secretOrKey`, `usernameAndPassword`: each side is read on its own; a secret side wins.
    const left = classifyPhrase(words.slice(0, join), lexicon);
    const right = classifyWords(words.slice(join + 1), lexicon);
    // Unless the right side ends in another noun: `secretOrKeyProvider` is a provider.
    const last = words.at(-1)!;
    const governed = !VOCABULARY.has(last) && !isNumber(last);
    const chosen = !governed && (left.isSecret || (!right.isSecret && left.verdict !== 'none')) ? left : right;
    return result(chosen.verdict, words, chosen.matched, chosen.reason, chosen.kind);
  }
  return classifyPhrase(words, lexicon);
}

function classifyPhrase(words: readonly string[], lexicon: Lexicon): NameClassification {
  const { heads, blocks } = findHeads(words, lexicon);
  if (heads.length === 0) {
    const blocked = blocks.at(-1);
    if (blocked) return result('none', words, blocked.matched, blocked.reason);
    if (words.includes('key'))
      return result('none', words, ['key'], '"key" alone is not a secret (a cache, map or database key)');
    if (words.includes('session'))
      return result('none', words, ['session'], '"session" alone names a session object, not its id or secret');
    return result('none', words, [], 'no secret word');
  }
  for (const prefix of CLIENT_ENV_PREFIXES) {
    if (prefix.length < words.length && prefix.every((p, k) => words[k] === p)) {
      return result(
        'none',
        words,
        prefix,
        `${quote(prefix)} variables are shipped to the browser, so their values are public`,
      );
    }
  }
  const first = words[0]!;
  const anyHead = heads.at(-1)!;
  if (PREDICATE_PREFIXES.has(first) && heads.every((h) => h.start > 0)) {
    return result(
      'metadata',
      words,
      [first, ...words.slice(anyHead.start, anyHead.index + 1)],
      `"${first}" makes it a predicate or check about ${a(anyHead.kind)}`,
      anyHead.kind,
    );
  }

  // `bodyWithoutToken`, `userExceptPassword`: the rest of a value once the secret was taken out.
  const without = words.findIndex((w, k) => k > 0 && EXCLUDING_WORDS.has(w));
  if (without !== -1 && heads.every((h) => h.start > without))
    return result(
      'none',
      words,
      [words[without]!, ...words.slice(anyHead.start, anyHead.index + 1)],
      `"${words[without]}" says the value lacks ${a(anyHead.kind)}`,
    );

  // A preposition ends the head phrase: `tokenForUser` is a token, `hashOfPassword` a hash.
  const cut = words.findIndex((w, k) => k > 0 && (PREPOSITIONS.has(w) || EXCLUDING_WORDS.has(w)));
  const end = cut === -1 ? words.length : cut;
  const inPhrase = heads.filter((h) => h.index < end);
  if (inPhrase.length === 0) {
    const phrase = words.slice(0, end);
    const protector = phrase.find((w) => PROTECTED_WORDS.has(w));
    if (protector)
      return result(
        'protected',
        words,
        [protector, words[anyHead.index]!],
        `"${protector}" marks a protected form of ${a(anyHead.kind)}`,
        anyHead.kind,
      );
    const meta = phrase.find((w) => METADATA_WORDS.has(w) || METADATA_PREFIXES.has(w));
    if (meta)
      return result(
        'metadata',
        words,
        [meta, words[anyHead.index]!],
        `"${meta}" describes ${a(anyHead.kind)} without holding it`,
        anyHead.kind,
      );
    return result(
      'none',
      words,
      phrase,
      `${quote(phrase)} is something looked up by ${a(anyHead.kind)}, not the ${anyHead.kind}`,
    );
  }
  const head = inPhrase.at(-1)!;
  const named = words.slice(head.start, head.index + 1);
  const laterBlock = blocks.find((b) => b.index > head.index && b.index < end);
  if (laterBlock) return result('none', words, laterBlock.matched, laterBlock.reason);

  for (let k = 0; k < head.start; k++) {
    const w = words[k]!;
    if (PUBLIC_WORDS.has(w))
      return result('none', words, [w, ...named], `"${w}" marks a value that is public by design`);
    if (PROTECTED_WORDS.has(w))
      return result('protected', words, [w, ...named], `"${w}" marks a protected form of ${a(head.kind)}`, head.kind);
    if (METADATA_PREFIXES.has(w))
      return result('metadata', words, [w, ...named], `"${w}" describes ${quote(named)} without holding it`, head.kind);
  }
  for (let k = head.index + 1; k < end; k++) {
    const w = words[k]!;
    if (isNumber(w) || CARRIER_WORDS.has(w)) continue;
    if (PROTECTED_WORDS.has(w))
      return result('protected', words, [...named, w], `"${w}" marks a protected form of ${a(head.kind)}`, head.kind);
    if (METADATA_WORDS.has(w))
      return result('metadata', words, [...named, w], `"${w}" describes ${a(head.kind)} without holding it`, head.kind);
    return result(
      'none',
      words,
      [...named, w],
      `"${w}" after ${quote(named)} names something else than the ${head.kind}`,
    );
  }
  return result('secret', words, named, `${quote(named)} names ${a(head.kind)}`, head.kind);
}

/** A last segment made only of these leans on its parent: `password.length`, `session.id`, `api.key`. */
function dependsOnParent(words: readonly string[]): boolean {
  return words.every((w) => isNumber(w) || CARRIER_WORDS.has(w) || METADATA_WORDS.has(w) || PROTECTED_WORDS.has(w));
}

/** Words of the ACME protocol (Let's Encrypt): its challenge tokens are public by design. */
const ACME_WORDS: ReadonlySet<string> = new Set(['acme', 'letsencrypt']);

function decide(name: string, lexicon: Lexicon): NameClassification {
  const segments = splitPath(name);
  const last = segments.at(-1)!;
  const normal = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (
    lexicon.ignoredWholeNames.size > 0 &&
    (lexicon.ignoredWholeNames.has(normal(name)) || lexicon.ignoredWholeNames.has(normal(last)))
  ) {
    return result('none', splitWords(last), [], 'ignored by configuration');
  }
  // `PWD` is the shell's working directory, not a password.
  if (name === 'PWD' || name === 'OLDPWD' || name.endsWith('env.PWD'))
    return result('none', ['pwd'], ['pwd'], '"PWD" is the shell\'s working directory');
  const words = lexemes(last);
  const own = classifyWords(words, lexicon);
  if (segments.length === 1) return own;
  // `ctx.channel.token`: a bare token owned by something whose token is no credential reads as `channelToken`.
  if (own.isSecret && words.length === 1 && words[0] === 'token') {
    const owner = lexemes(segments.at(-2)!).at(-1);
    if (owner !== undefined && NON_CREDENTIAL_TOKEN_OWNERS.has(owner)) return classifyWords([owner, 'token'], lexicon);
    // `config.letsencrypt.challenge.token`: an ACME http-01 token, served to anyone at /.well-known/acme-challenge/.
    if (segments.slice(0, -1).some((segment) => lexemes(segment).some((w) => ACME_WORDS.has(w))))
      return classifyWords(['acme', 'token'], lexicon);
  }
  // The parent decides when the last segment only describes or carries something (`password.length`),
  // and refines a bare `secret` (`jwt.secret` is a signing key).
  const bareSecret = own.isSecret && words.length === 1 && words[0] === 'secret';
  // A last segment that decides by itself (`foo.headerHmacKey`, `foo.userSaltHmacKey`) needs no parent.
  if ((!dependsOnParent(words) || own.verdict !== 'none') && !bareSecret) return own;
  // Up the path past carriers and descriptions to the subject: `token.value.length` is about `token`.
  let k = segments.length - 2;
  while (k > 0 && dependsOnParent(lexemes(segments[k]!))) k--;
  const combined = classifyWords(segments.slice(k).flatMap(lexemes), lexicon);
  if (bareSecret) return combined.isSecret ? combined : own;
  if (combined.verdict === 'none') return own;
  // `account.passwordHash.length` is the length of a hash: the last segment's own word decides.
  const decisive = words.find((w) => METADATA_WORDS.has(w) || PROTECTED_WORDS.has(w));
  if (decisive && !combined.matched.includes(decisive) && combined.verdict !== 'metadata') {
    const verdict = METADATA_WORDS.has(decisive) ? 'metadata' : 'protected';
    const kind = a(combined.kind ?? 'secret');
    const why = verdict === 'metadata' ? `describes ${kind} without holding it` : `marks a protected form of ${kind}`;
    return result(verdict, combined.words, [...combined.matched, decisive], `"${decisive}" ${why}`, combined.kind);
  }
  return combined;
}

const defaultLexicon = compile({});
const lexicons = new WeakMap<ClassifierOptions, Lexicon>();

function compile(options: ClassifierOptions): Lexicon {
  const ignored = options.ignoredNames ?? [];
  return {
    extraPhrases: (options.extraSecretWords ?? []).map((w) => lexemes(w)).filter((p) => p.length > 0),
    ignoredWords: new Set(ignored.filter((n) => splitWords(n).length === 1).map((n) => singular(n.toLowerCase()))),
    ignoredWholeNames: new Set(ignored.map((n) => n.toLowerCase().replace(/[^a-z0-9]/g, ''))),
    cache: new Map(),
  };
}

function lexiconFor(options: ClassifierOptions | undefined): Lexicon {
  if (!options || ((options.extraSecretWords?.length ?? 0) === 0 && (options.ignoredNames?.length ?? 0) === 0))
    return defaultLexicon;
  let lexicon = lexicons.get(options);
  if (!lexicon) {
    lexicon = compile(options);
    lexicons.set(options, lexicon);
  }
  return lexicon;
}

/**
 * Says whether a name (identifier, property path, header, env var) names a secret, which kind, and why.
 * Dotted paths are decided on their last segment, with the parent's words when the last segment only
 * describes (`password.length`) or carries (`token.value`) something. Results are cached and frozen.
 */
export function classifyName(name: string, options?: ClassifierOptions): NameClassification {
  const lexicon = lexiconFor(options);
  const cached = lexicon.cache.get(name);
  if (cached) return cached;
  const classification = decide(name, lexicon);
  if (lexicon.cache.size >= 50_000) lexicon.cache.clear();
  lexicon.cache.set(name, classification);
  return classification;
}

/** Shorthand for `classifyName(name, options).isSecret`. */
export function isSecretName(name: string, options?: ClassifierOptions): boolean {
  return classifyName(name, options).isSecret;
}
