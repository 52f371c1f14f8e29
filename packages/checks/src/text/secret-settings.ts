import type { Confidence, SharedSettings, TextContext } from '../check.js';
import {
  detectSecretLiteral,
  formatEvidence,
  isPlaceholder,
  looksLikeSecretValue,
  redact,
  shannonEntropy,
} from '../literals/index.js';
import { BUNDLED_ENV_PREFIXES, classifyName } from '../names/index.js';
import { lineLocator } from './locate.js';

/** What `no-hardcoded-secret` says about one setting of a key-value file. */
export interface SecretSettingVerdict {
  readonly messageId: 'settingKnownFormat' | 'settingSecretName';
  readonly data: Readonly<Record<string, string>>;
  readonly confidence: Confidence;
  readonly liveCredential: boolean;
}

/**
 * Whether a setting from a config, TOML, .npmrc or .env file holds a secret, as `no-hardcoded-secret`
 * decides for code: a known credential format under any key, or a non-placeholder value that looks
 * like a secret under a secret-named key. `allowed` are the values the rule's options allow.
 */
export function secretSettingVerdict(
  key: string,
  value: string,
  settings: SharedSettings,
  allowed: (value: string) => boolean,
): SecretSettingVerdict | undefined {
  if (isPlaceholder(value) || allowed(value)) return undefined;
  const known = detectSecretLiteral(value);
  if (known) {
    const evidence = formatEvidence(known, value);
    return {
      messageId: 'settingKnownFormat',
      data: { name: key, description: known.description, preview: redact(value) },
      confidence: evidence.confidence,
      liveCredential: evidence.live,
    };
  }
  // A settings file names its values for what they are: a random-looking value under a secret name is one,
  // unless the build ships it to every browser (`REACT_APP_ANALYTICS_API_KEY`): then mostly a browser key.
  if (classifyName(key, settings).isSecret && (looksLikeSecretValue(value) || looksLikeRandomLetters(value))) {
    return {
      messageId: 'settingSecretName',
      data: { name: key, preview: redact(value) },
      confidence: BUNDLED_ENV_PREFIXES.some((prefix) => key.startsWith(prefix)) ? 'medium' : 'high',
      liveCredential: false,
    };
  }
  return undefined;
}

/** Share of vowels below which a run of letters is no word or phrase: English runs near 0.4, random letters near 0.2. */
const MAX_RANDOM_VOWEL_SHARE = 0.25;

/**
 * One case of random letters (`fkczyomvdprgvtmvkuhvprxuggkbgwld`, a generator's lower-case secret): 24 or more
 * letters, few vowels, high entropy. The entropy test takes single-case runs for words; words have vowels.
 */
export function looksLikeRandomLetters(value: string): boolean {
  if (!/^([a-z]{24,}|[A-Z]{24,})$/.test(value) || shannonEntropy(value) < 3.5) return false;
  const vowels = value.match(/[aeiou]/gi)?.length ?? 0;
  return vowels / value.length < MAX_RANDOM_VOWEL_SHARE;
}

/** The values `no-hardcoded-secret`'s options allow: `allowedPlaceholders` exactly, `allowedPatterns` as regular expressions. */
export function allowedValues(options: {
  readonly allowedPlaceholders: readonly string[];
  readonly allowedPatterns: readonly string[];
}): (value: string) => boolean {
  const patterns = options.allowedPatterns.map((p) => new RegExp(p));
  return (value) => options.allowedPlaceholders.includes(value) || patterns.some((re) => re.test(value));
}

/** Message ids of the text half of `no-hardcoded-secret`. */
export type SecretSettingMessageId = SecretSettingVerdict['messageId'] | 'privateKeyFile';

/**
 * `localhost.pem`, `localhost-key.pem`, `localhost.key`, mkcert's `localhost+2-key.pem`: the key of a
 * development TLS certificate for localhost (a browser trusts it only on the machine that made it).
 */
export function isLocalhostKeyFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return /^(?:[\w-]+[._-])?localhost(?:\+\d+)?(?:[._-][\w-]+)?\.(?:pem|key)$/.test(name);
}

/**
 * `no-hardcoded-secret` on files that are not code: every setting of a key-value file (an untracked
 * `.env` file stays on its machine and is not judged), and private key material in `.pem`/`.key` files.
 */
export function analyzeSecretSettings(
  context: TextContext<
    { readonly allowedPlaceholders: readonly string[]; readonly allowedPatterns: readonly string[] },
    SecretSettingMessageId
  >,
): void {
  const { file, settings } = context;
  const allowed = allowedValues(context.options);
  if (file.kind === 'private-key') {
    const known = detectSecretLiteral(file.text);
    if (!known || allowed(file.text)) return;
    const start = file.text.indexOf('-----BEGIN');
    const { line, column } = lineLocator(file.text)(Math.max(0, start));
    // A key file is a key wherever it sits, but one under test/ or fixtures/ was made for the tests,
    // and one named for localhost serves a development certificate that only localhost answers to.
    const localhost = isLocalhostKeyFile(file.path);
    context.report({
      messageId: 'privateKeyFile',
      data: { description: known.description },
      line,
      column,
      endLine: line,
      ...(localhost ? { confidence: 'medium' as const } : { liveCredential: formatEvidence(known, file.text).live }),
    });
    return;
  }
  if (file.kind === 'env' && file.tracked === false) return;
  for (const entry of file.entries) {
    const verdict = secretSettingVerdict(entry.key, entry.value, settings, allowed);
    if (!verdict) continue;
    const { messageId, data, confidence, liveCredential } = verdict;
    context.report({
      messageId,
      data,
      confidence,
      liveCredential,
      line: entry.line,
      column: entry.column,
      endLine: entry.endLine,
      endColumn: entry.endColumn,
    });
  }
}
