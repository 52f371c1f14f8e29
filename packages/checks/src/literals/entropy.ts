/**
 * Is a string random enough to be a generated secret? Shannon entropy per character, judged by
 * length and character set. Entropy alone floods users with false positives (gitleaks' and Biome's
 * trackers are full of them), so this only answers for values already assigned to secret names.
 *
 * Calibration (5,000 random strings per row from a CSPRNG; `literals.test.ts` re-measures the miss
 * rate): a random string of n characters over an alphabet of k symbols has at most log2(min(n, k)) bits
 * per character, and less in practice because short samples repeat symbols.
 *
 * | sample                       | 0.1th pct | 1st pct | median | threshold |
 * | ---------------------------- | --------- | ------- | ------ | --------- |
 * | random hex, 16 chars         | 2.48      | 2.66    | 3.20   | 2.5       |
 * | random hex, 32 chars         | 3.10      | 3.25    | 3.63   | 2.5       |
 * | random alphanumeric, 16      | 3.20      | 3.33    | 3.75   | 3.2       |
 * | random alphanumeric, 32      | 4.09      | 4.22    | 4.54   | 3.2       |
 * | random base64, 16            | 3.20      | 3.33    | 3.75   | 3.2       |
 * | random base64, 40            | 4.33      | 4.47    | 4.78   | 3.2       |
 *
 * and for things that are not secrets: `password` 2.75, `deadbeefdeadbeef` 2.16 (hex threshold
 * 2.5 keeps it out), `my_application_name` 3.47, `someCamelCaseIdentifierHere` 3.58,
 * `text/html;charset=utf-8` 3.84. The last three pass any entropy threshold that keeps random
 * 16-character keys in, so entropy is combined with a shape rule entropy cannot see: identifiers and
 * words are made of long runs of one letter case (mean run length >= 3), random text of short ones
 * (mean 1.5-2.2). Thresholds sit at the random rows' 0.1th percentile; with the shape rules about
 * 3 in 1,000 random 16-character secrets are missed, 32-character ones practically never.
 */

/** Shannon entropy of a string in bits per character (0 for the empty string). */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const n = [...value].length;
  let bits = 0;
  for (const c of counts.values()) {
    const p = c / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** The character set a token is drawn from, narrowest first. */
export type Charset = 'digits' | 'hex' | 'alnum' | 'base64' | 'printable';

/** Which character set a string is drawn from. */
export function charsetOf(value: string): Charset {
  if (/^\d+$/.test(value)) return 'digits';
  if (/^[0-9a-f]+$/.test(value) || /^[0-9A-F]+$/.test(value)) return 'hex';
  if (/^[A-Za-z0-9]+$/.test(value)) return 'alnum';
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return 'base64';
  return 'printable';
}

/** Minimum length and bits per character for a random token of each character set. */
export const ENTROPY_THRESHOLDS: Readonly<Record<Exclude<Charset, 'digits'>, { minLength: number; minBits: number }>> =
  {
    // 16 hex chars = 64 bits, the shortest key or token worth calling a secret.
    hex: { minLength: 16, minBits: 2.5 },
    alnum: { minLength: 16, minBits: 3.2 },
    base64: { minLength: 16, minBits: 3.2 },
    printable: { minLength: 16, minBits: 3.2 },
  };

const classes = (value: string) =>
  Number(/[a-z]/.test(value)) +
  Number(/[A-Z]/.test(value)) +
  Number(/\d/.test(value)) +
  Number(/[^A-Za-z0-9]/.test(value));

/** Mean length of the runs of one letter case or of digits: identifiers have long runs (`myApp`),
 * random strings short ones (`q7Zx`). */
function meanRunLength(value: string): number {
  const runs = value.match(/[a-z]+|[A-Z][a-z]*|[A-Z]+|\d+/g) ?? [];
  return runs.length === 0 ? value.length : runs.reduce((sum, r) => sum + r.length, 0) / runs.length;
}

/**
 * True for a random-looking token: long enough for its character set and of high enough entropy,
 * and not shaped like words or an identifier. Dashes in UUIDs are ignored.
 */
export function looksRandom(value: string): boolean {
  const token = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(value) ? value.replace(/-/g, '') : value;
  const charset = charsetOf(token);
  if (charset === 'digits') return false;
  const { minLength, minBits } = ENTROPY_THRESHOLDS[charset];
  if (token.length < minLength || shannonEntropy(token) < minBits) return false;
  if (charset === 'hex') return /\d/.test(token) && /[a-f]/i.test(token);
  // Words and identifiers: letters in long runs, few character classes (`my_application_name`).
  if (meanRunLength(token) >= 3) return false;
  return classes(token) >= 2;
}

/**
 * True for a human-chosen password: at least 8 characters, at least three of lower case, upper case,
 * digits and symbols, and not a single word with a digit tacked on. `S3cure!Pass` is one; `hunter2`
 * and `password1` are not (they are placeholders or too weak to tell from ordinary strings).
 */
export function looksLikePassword(value: string): boolean {
  if (value.length < 8 || value.length > 64 || classes(value) < 3 || shannonEntropy(value) < 2.5) return false;
  // `Content-Type`, `aes-256-gcm`, `localhost:5432`: words joined by separators, not a password.
  if (/^[A-Za-z0-9]+([-_.:/;=,][A-Za-z0-9]+)+$/.test(value) && meanRunLength(value) >= 3) return false;
  return /\d|[^A-Za-z0-9_.-]/.test(value);
}
