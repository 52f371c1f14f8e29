import type { Confidence } from '../check.js';
import { looksLikePassword, looksRandom } from './entropy.js';
import { SECRET_DETECTORS } from './formats.js';
import { isPlaceholder, urlCredentials } from './placeholders.js';
import { isPublicByDesign } from './public-values.js';

export interface SecretLiteralMatch {
  /** Stable id of the detector, e.g. `aws-access-key-id`. */
  readonly detectorId: string;
  /** What was found, e.g. "AWS access key id". */
  readonly description: string;
  /** `format`: a known credential format; `entropy`: random-looking text. */
  readonly basis: 'format' | 'entropy';
}

/** A format found in a longer string, with the secret's offsets in it. */
export interface SecretLiteralFinding extends SecretLiteralMatch {
  readonly start: number;
  readonly end: number;
}

/** Ids of the two value-shape answers of `explainSecretValue` (no format known). */
export const ENTROPY_DETECTOR_IDS = { random: 'high-entropy-string', password: 'password-like-string' } as const;

/**
 * Every known credential format in a string (a connection string, a header value `Bearer ghp_…`,
 * a config blob), in order of position. Placeholders and documented examples are never matched.
 */
export function findSecretLiterals(value: string): SecretLiteralFinding[] {
  const found: SecretLiteralFinding[] = [];
  for (const detector of SECRET_DETECTORS) {
    if (!detector.hints.some((h) => value.includes(h))) continue;
    detector.pattern.lastIndex = 0;
    for (let m = detector.pattern.exec(value); m !== null; m = detector.pattern.exec(value)) {
      if (m[0] === '') detector.pattern.lastIndex++;
      const secret = m[1] ?? m[0];
      if (isPlaceholder(secret) || (detector.validate && !detector.validate(secret))) continue;
      // `mongodb://localhost:<the Cosmos DB emulator key>@…`: a published default opens nothing.
      if (isPublicByDesign(urlCredentials(secret)?.password ?? secret)) continue;
      const start = m.index + m[0].indexOf(secret);
      found.push({
        detectorId: detector.id,
        description: detector.description,
        basis: 'format',
        start,
        end: start + secret.length,
      });
    }
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Finds a known credential format in a string (the first by position). Never matches placeholders. */
export function detectSecretLiteral(value: string): SecretLiteralMatch | undefined {
  const first = findSecretLiterals(value)[0];
  return first ? { detectorId: first.detectorId, description: first.description, basis: first.basis } : undefined;
}

/**
 * How much a known format says on its own. A provider-issued credential (a vendor prefix, a checksum:
 * AWS, GitHub, Stripe, Slack...) is `live`: it leaks wherever it sits, in a test file too. Generic
 * shapes are not, nor is a vendor prefix over English words (`xoxb-extremely-secret-token`, medium):
 * a PEM key in a test mock is a key made for the test, a JWT is mostly a signed
 * sample claim (medium), and a URL whose password points at a local or container host
 * (`postgres://app:pw@localhost`, `@db:5432`) is a development default (medium).
 */
export function formatEvidence(
  match: Pick<SecretLiteralMatch, 'detectorId'>,
  value: string,
): { readonly confidence: Confidence; readonly live: boolean } {
  switch (match.detectorId) {
    case 'jwt':
      return { confidence: 'medium', live: false };
    case 'url-credentials':
      return { confidence: LOCAL_HOST_URL.test(value) ? 'medium' : 'high', live: false };
    case 'pem-private-key':
    case 'basic-auth-header':
      return { confidence: 'high', live: false };
    default: {
      // `xoxb-extremely-secret-token`: a vendor's prefix over English words is a made-up token that
      // only borrows the format; an issued one has random characters after the prefix.
      const found = findSecretLiterals(value).find((f) => f.detectorId === match.detectorId);
      const token = found ? value.slice(found.start, found.end) : value;
      return madeOfWords(token) ? { confidence: 'medium', live: false } : { confidence: 'high', live: true };
    }
  }
}

/**
 * True when what follows a token's prefix is words: every `-`/`_`-separated part after the first is
 * lower-case or capitalised letters (`xoxb-extremely-secret-token`, `sk_live_not_a_real_key`). An
 * issued token has digits or mixed case there (`xoxb-1234567890-…-AbCd…`, `sk_live_51Hx…`).
 */
function madeOfWords(token: string): boolean {
  const parts = token.trim().split(/[-_]+/).slice(1);
  return parts.length > 0 && parts.every((part) => /^(?:[a-z]+|[A-Z][a-z]+)$/.test(part));
}

/** A URL with user info whose host is this machine or a bare container name (`db`, `postgres`). */
const LOCAL_HOST_URL =
  /:\/\/[^\s/@]*@(?:localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0|host\.docker\.internal|[a-z0-9_-]+)(?::\d+)?(?:[/?#]|$)/i;

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
const PATH_LIKE = /^(\.{0,2}\/|~\/|[A-Za-z]:\\)|\.(pem|key|json|txt|env|ya?ml|crt|cer|p12|pfx|jks|js|ts)$/i;
/** A relative path, or a path to a file with an extension (`dist/commonjs/v3/jwt.d.ts`). */
const FILE_PATH_LIKE = /^(\.{1,2}\/|~\/)|\/[^/]*\.[A-Za-z][A-Za-z0-9]{0,4}$/;
/**
 * A name, not a value: constant case (an env name, an error code), or any word run in double underscores
 * (`__BEDROCK_DEFAULT_CREDENTIALS__`, `__use_default__`), the way code spells sentinels that mean
 * "no stored value, use the default chain". Secrets are not written as identifiers.
 */
const MARKER_LIKE = /^_*[A-Z][A-Z0-9]*(_+[A-Z0-9]+)+_*$|^__[a-z][a-z0-9]*(_+[a-z0-9]+)*__$/;
/** A type with a size: `VARCHAR(255)`, `decimal(10, 2)`. */
const SIZED_TYPE_LIKE = /^[A-Za-z]+ ?\( ?\d+(?: ?, ?\d+)? ?\)$/;
/** A regular expression's source: a character class with a range, then a quantifier (`[A-Za-z0-9._~+/-]+=*`). */
const REGEX_CLASS_LIKE = /\[\^?[^\]]*[A-Za-z0-9]-[A-Za-z0-9][^\]]*\](?:[+*?]|\{\d)/;

/**
 * Why a value assigned to a secret name looks like a real secret: a known format, a random-looking
 * token (`high-entropy-string`), or a human-chosen password (`password-like-string`). Undefined for
 * placeholders, words and sentences, URLs without credentials, file paths and env var names.
 */
export function explainSecretValue(value: string): SecretLiteralMatch | undefined {
  const v = value.trim();
  if (isPlaceholder(v) || isPublicByDesign(v)) return undefined;
  const format = detectSecretLiteral(v);
  if (format) return format;
  if (/\s/.test(v)) return undefined;
  // A constant-case identifier (`INVALID_CREDENTIALS`, an error code or env name, or a sentinel such
  // as `__BEDROCK_DEFAULT_CREDENTIALS__`) is a name, not a key, though its one-letter case runs look
  // random to the run-length rule below.
  if (MARKER_LIKE.test(v)) return undefined;
  // A pattern that describes tokens (`'[A-Za-z0-9._~+/-]+=*'`, later `new RegExp(…)`) is not one: no
  // key, token or password is written with a bracketed character range followed by a quantifier.
  if (REGEX_CLASS_LIKE.test(v)) return undefined;
  // `VARCHAR(255)`, `decimal(10,2)`: a column type written as a string (Sequelize `type: 'TEXT'`).
  if (SIZED_TYPE_LIKE.test(v)) return undefined;
  // A URL is judged by its parts: a random path segment or query value (a webhook URL's token) is a
  // secret, a host and a readable path (`https://neo4j.com/`, `mongodb://127.0.0.1`) are not.
  if (URL_LIKE.test(v)) {
    const parts = v
      .replace(URL_LIKE, '')
      .split(/[/?&=#]/)
      .slice(1);
    return parts.some((part) => looksRandom(part))
      ? { detectorId: ENTROPY_DETECTOR_IDS.random, description: 'random-looking string', basis: 'entropy' }
      : undefined;
  }
  // A random token may start with `/` (base64), so randomness is asked before the shape of paths,
  // one segment at a time: `./src/v3/apiKeys.ts` (a package's export map) is words between slashes.
  // Base64 has slashes but never a leading `./` nor a dot before a file extension.
  if (FILE_PATH_LIKE.test(v) && v.split(/[/\\]/).every((segment) => !looksRandom(segment))) return undefined;
  if (looksRandom(v))
    return { detectorId: ENTROPY_DETECTOR_IDS.random, description: 'random-looking string', basis: 'entropy' };
  if (PATH_LIKE.test(v)) return undefined;
  if (looksLikePassword(v))
    return { detectorId: ENTROPY_DETECTOR_IDS.password, description: 'password-like string', basis: 'entropy' };
  return undefined;
}

/**
 * True for a secret a person made up from words: `my_super_secret_cookie_phrase`,
 * `purple-monkey-dishwasher`, `keyboard cat`, `supersecretnextauthvalue`. Too regular for
 * `explainSecretValue`, yet the value a deployment runs with when it sits under a secret's name.
 * Not: placeholders, identifiers and field names (`accessToken`, `client_secret`, `x-api-key`: two
 * words or camelCase), constant-case names, dotted keys, URLs, paths, e-mail addresses, sentences
 * (a capital or more than four words: UI text), single dictionary-length words.
 */
export function looksLikeSecretPhrase(value: string): boolean {
  const v = value.trim();
  if (v.length < 8 || v.length > 64 || isPlaceholder(v) || MARKER_LIKE.test(v) || /[./:@\\=?&%$#]/.test(v))
    return false;
  if (/\s/.test(v)) return /^[a-z0-9]+( [a-z0-9]+){1,3}$/.test(v);
  // camelCase or PascalCase: a property or type name.
  if (/^[A-Za-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$/.test(v)) return false;
  const words = v.split(/[_-]+/).filter((w) => w !== '');
  // `x-api-key`, `x-webhook-secret`: a header name.
  if (/^x-/i.test(v)) return false;
  if (words.length >= 3) return words.every((w) => /^[A-Za-z0-9]+$/.test(w)) && v === v.toLowerCase();
  if (words.length === 1) return /^[a-z0-9]+$/.test(v) && (v.length >= 16 || (/\d/.test(v) && /[a-z]/.test(v)));
  return false;
}

/** True when a value assigned to a secret name looks like a real secret (random enough, not a placeholder). */
export function looksLikeSecretValue(value: string): boolean {
  return explainSecretValue(value) !== undefined;
}
