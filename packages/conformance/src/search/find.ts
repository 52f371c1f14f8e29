import { createHash } from 'node:crypto';
import { canaryPrefix, fragmentLength } from '../canary.js';
import { decodedRuns, inflateAll, spellings, type Spelling } from './encodings.js';

/**
 * Unkeyed digests a store may keep of a secret "to find duplicates" or "for lookups": anyone with
 * the table can confirm a guess (a password, a token from another leak) and sees which rows hold
 * the same secret. (A keyed HMAC, a blind index, is not looked for: it needs the store's key.)
 */
const digestAlgorithms = ['sha256', 'sha1', 'md5', 'sha512'] as const;

/**
 * Characters of a secret's random part kept at its ends that count as the secret: a prefix of 5
 * (after the public `shc-`, which anchors it) or a suffix of 6 (unanchored, so one more character
 * keeps chance matches in a correct store's ciphertexts and logs near zero). Up to 4 is a display hint.
 */
export const endFragmentLengths = { prefix: 5, suffix: 6 } as const;

/**
 * Secrets longer than this (a private key) are not searched for by parts: a part of one is not a
 * secret of its own, and thousands of parts would slow every search.
 */
const maxFragmentedSecret = 256;

/** Key lengths a repeated-key XOR is looked for with (a constant byte is length 1). */
const maxXorKey = 16;

/** `bytes[i] ^ bytes[i + lag]` for every i: the same for a text and its XOR with any key of period `lag`. */
function lagDifference(bytes: Buffer, lag: number, into?: Buffer): Buffer {
  const length = Math.max(0, bytes.length - lag);
  const out = into === undefined ? Buffer.allocUnsafe(length) : into.subarray(0, length);
  for (let i = 0; i < length; i++) out[i] = bytes[i]! ^ bytes[i + lag]!;
  return out;
}

/** Scratch space for the differences of the value being searched (read at once, never kept). */
let scratch = Buffer.alloc(0);
function scratchFor(length: number): Buffer {
  if (scratch.length < length) scratch = Buffer.allocUnsafe(Math.max(length, 2 * scratch.length, 4096));
  return scratch;
}

/** Options of {@link Needles}. */
export interface NeedleOptions {
  /**
   * Also look for every run of {@link fragmentLength} characters of each secret (raw, any case):
   * a prefix or suffix kept in a column of its own, and its ends (see {@link endFragmentLengths}).
   * Shorter parts (a last-4 display hint) are allowed. Not for secrets over 256 characters.
   */
  readonly fragments?: boolean;
}

/** A secret found somewhere it must not be. */
export interface Hit {
  /** Which needle matched (index into the needles searched for). */
  readonly needle: number;
  /** How it was spelled, e.g. `base64`, or `gzip → raw`. */
  readonly encoding: string;
  /** Where: `table public.secrets, column value`, `server log`, `adapter output`... */
  readonly location: string;
}

/**
 * Byte patterns found in one pass over a buffer, however many there are: each start position's
 * first 4 bytes are looked up in a small filter, then in a map of the patterns that begin with them.
 * (Testing each of the hundreds of spellings of a run's canaries with `includes` on every value
 * read was most of the leak search's time.)
 */
class PatternIndex {
  private readonly byKey = new Map<number, Array<{ bytes: Buffer; id: number }>>();
  private readonly filter = new Uint8Array(1 << 16);
  /** Patterns under 4 bytes (none in practice), tested one by one. */
  private readonly short: Array<{ bytes: Buffer; id: number }> = [];

  add(bytes: Buffer, id: number): void {
    if (bytes.length < 4) {
      this.short.push({ bytes, id });
      return;
    }
    const key = bytes.readUInt32LE(0);
    this.filter[filterSlot(key)] = 1;
    const list = this.byKey.get(key);
    if (list === undefined) this.byKey.set(key, [{ bytes, id }]);
    else list.push({ bytes, id });
  }

  /** Adds the id of every pattern that occurs in `haystack` to `found`. */
  collect(haystack: Buffer, found: Set<number>): void {
    for (const { bytes, id } of this.short) if (haystack.includes(bytes)) found.add(id);
    if (this.byKey.size === 0 || haystack.length < 4) return;
    let key = (haystack[0]! | (haystack[1]! << 8) | (haystack[2]! << 16)) << 8;
    for (let i = 0; i + 4 <= haystack.length; i++) {
      key = (key >>> 8) | (haystack[i + 3]! << 24);
      if (this.filter[filterSlot(key >>> 0)] === 0) continue;
      const list = this.byKey.get(key >>> 0);
      if (list === undefined) continue;
      for (const { bytes, id } of list) {
        const end = i + bytes.length;
        if (end <= haystack.length && haystack.compare(bytes, 0, bytes.length, i, end) === 0) found.add(id);
      }
    }
  }
}

/** Values whose findings a {@link Needles} keeps. */
const maxSearched = 8192;

const filterSlot = (key: number): number => Math.imul(key, 0x9e3779b1) >>> 16;

/** Prepared needles: every spelling of every secret (or raw byte string) searched for. */
export class Needles {
  /** `part`: a part of the secret, reported only where nothing else of that secret was found. */
  private readonly prepared: Array<{ needle: number; spelling: Spelling; part?: boolean }> = [];
  private readonly spellingIndex = new PatternIndex();

  /** Lag differences of each secret's raw bytes, for the repeated-key XOR search: `[needle, lag, difference]`. */
  private readonly xor: Array<{ needle: number; lag: number; difference: Buffer }> = [];
  /** The differences by lag (ids index `xor`), made when a screen first matches (see {@link allLags}). */
  private xorIndex: Map<number, PatternIndex> | undefined;
  /** The differences at each secret's screening lags (see {@link SecretForms.screen}), by lag. */
  private readonly xorScreen = new Map<number, PatternIndex>();
  /** What {@link search} found in each value, by its bytes (short values) or their SHA-256. */
  private readonly searched = new Map<string, Array<Omit<Hit, 'location'>>>();

  /**
   * `secrets` are searched in every spelling, and XOR-ed with a constant or a repeated key of up to
   * 16 bytes; `rawBytes` (e.g. a deleted ciphertext) also as hex and base64.
   */
  constructor(
    readonly secrets: readonly string[],
    rawBytes: readonly Buffer[] = [],
    options: NeedleOptions = {},
  ) {
    secrets.forEach((secret, needle) => {
      const forms = formsOf(secret);
      for (const spelling of forms.spellings) this.prepared.push({ needle, spelling });
      for (const { lag, difference } of forms.xor) this.xor.push({ needle, lag, difference });
      for (const { lag, difference } of forms.screen) {
        let index = this.xorScreen.get(lag);
        if (index === undefined) this.xorScreen.set(lag, (index = new PatternIndex()));
        index.add(difference, needle);
      }
      if (options.fragments === true && secret.length <= maxFragmentedSecret) {
        forms.parts ??= partsOf(secret);
        for (const spelling of forms.parts) this.prepared.push({ needle, spelling, part: true });
      }
    });
    rawBytes.forEach((bytes, i) => {
      const needle = secrets.length + i;
      const forms: Spelling[] = [
        { encoding: 'raw', bytes },
        { encoding: 'hex', bytes: Buffer.from(bytes.toString('hex')) },
        { encoding: 'base64', bytes: Buffer.from(bytes.toString('base64').replace(/=+$/, '')) },
        { encoding: 'base64url', bytes: Buffer.from(bytes.toString('base64url')) },
      ];
      for (const spelling of forms) this.prepared.push({ needle, spelling });
    });
    this.prepared.forEach(({ spelling }, id) => this.spellingIndex.add(spelling.bytes, id));
  }

  /** The index of every lag's differences: only a value the screen matched needs it (rare: a leak). */
  private allLags(): Map<number, PatternIndex> {
    if (this.xorIndex !== undefined) return this.xorIndex;
    const byLag = new Map<number, PatternIndex>();
    this.xor.forEach(({ lag, difference }, id) => {
      let index = byLag.get(lag);
      if (index === undefined) byLag.set(lag, (index = new PatternIndex()));
      index.add(difference, id);
    });
    return (this.xorIndex = byLag);
  }

  /** Every needle found in `value`, directly, after decoding base64/hex runs, or after decompressing (two levels deep). */
  search(value: Buffer | string, location: string): Hit[] {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    // The same value is often searched again: a table's repeated cells, a file read before and
    // after the store's teardown. What is found depends only on the bytes.
    const id =
      bytes.length <= 64 ? `=${bytes.toString('latin1')}` : `#${createHash('sha256').update(bytes).digest('base64')}`;
    let found = this.searched.get(id);
    if (found === undefined) {
      if (this.searched.size >= maxSearched) this.searched.clear();
      found = this.find(bytes);
      this.searched.set(id, found);
    }
    return found.map((hit) => ({ ...hit, location }));
  }

  /** What of each needle is in `value` (hits without a location). */
  private find(value: Buffer): Array<Omit<Hit, 'location'>> {
    const location = '';
    const hits = new Map<string, Hit>();
    const visit = (bytes: Buffer, via: string, depth: number): void => {
      const spelled = new Set<number>();
      this.spellingIndex.collect(bytes, spelled);
      // In the order the needles were prepared, so messages name the plainest spelling first.
      for (const id of [...spelled].sort((a, b) => a - b)) {
        const { needle, spelling, part } = this.prepared[id]!;
        if (part === true && [...hits.values()].some((h) => h.needle === needle)) continue;
        const encoding = via === '' ? spelling.encoding : `${via} → ${spelling.encoding}`;
        const key = `${needle}|${encoding}`;
        if (!hits.has(key)) hits.set(key, { needle, encoding, location });
      }
      if (bytes.length <= 1 << 20) {
        const xored = new Set<number>();
        for (const [lag, index] of this.xorScreen) {
          if (bytes.length > lag) index.collect(lagDifference(bytes, lag, scratchFor(bytes.length)), xored);
        }
        // Found at a screening lag: every lag is searched, for the shortest key that explains it.
        if (xored.size > 0) {
          xored.clear();
          for (const [lag, index] of this.allLags()) {
            if (bytes.length > lag) index.collect(lagDifference(bytes, lag, scratchFor(bytes.length)), xored);
          }
        }
        for (const id of [...xored].sort((a, b) => a - b)) {
          const { needle, lag } = this.xor[id]!;
          if ([...hits.values()].some((h) => h.needle === needle)) continue;
          const encoding = `${via === '' ? '' : `${via} → `}XOR with a ${lag === 1 ? 'constant byte' : `repeated key of ${lag} bytes or fewer`}`;
          hits.set(`${needle}|xor`, { needle, encoding, location });
        }
      }
      if (depth >= 2) return;
      for (const inflated of inflateAll(bytes))
        visit(inflated.bytes, via === '' ? inflated.via : `${via} → ${inflated.via}`, depth + 1);
      if (bytes.length <= 1 << 20) {
        for (const run of decodedRuns(bytes.toString('latin1'))) {
          if (run.bytes.length >= 6) visit(run.bytes, via === '' ? run.via : `${via} → ${run.via}`, depth + 1);
        }
      }
    };
    visit(value, '', 0);
    return [...hits.values()].map(({ needle, encoding }) => ({ needle, encoding }));
  }
}

/** What {@link Needles} looks for of one secret; `parts` only once a search with fragments asked. */
interface SecretForms {
  /** Its spellings, then its unkeyed digests. */
  readonly spellings: readonly Spelling[];
  readonly xor: ReadonlyArray<{ lag: number; difference: Buffer }>;
  /**
   * The differences at the lags that screen for all of `xor`: a text XOR-ed with a key of period L
   * also has period 2L, 3L..., so its difference at the largest multiple of L that still leaves 12
   * bytes matches exactly when the one at L does. (With 16 bytes of key and a 30-byte canary: the
   * lags 9-16, half the passes over every value searched.)
   */
  readonly screen: ReadonlyArray<{ lag: number; difference: Buffer }>;
  parts?: readonly Spelling[];
}

/**
 * Forms of the secrets of a run: most canaries are looked for by more than one search (the check's,
 * the run's search of all the store printed), and the digests and XOR differences are the same each time.
 */
const secretForms = new Map<string, SecretForms>();
const maxSecretForms = 4096;

function formsOf(secret: string): SecretForms {
  const known = secretForms.get(secret);
  if (known !== undefined) return known;
  if (secretForms.size >= maxSecretForms) secretForms.clear();
  const raw = Buffer.from(secret, 'utf8');
  const all: Spelling[] = [...spellings(secret)];
  for (const algorithm of digestAlgorithms) {
    const digest = createHash(algorithm).update(raw).digest();
    for (const text of [digest.toString('hex'), digest.toString('hex').toUpperCase()])
      all.push({ encoding: `${algorithm} (hex)`, bytes: Buffer.from(text) });
    all.push({ encoding: algorithm, bytes: digest });
    for (const alphabet of ['base64', 'base64url'] as const) {
      const text = digest.toString(alphabet).replace(/=+$/, '');
      all.push({ encoding: `${algorithm} (${alphabet})`, bytes: Buffer.from(text) });
    }
  }
  const xor: Array<{ lag: number; difference: Buffer }> = [];
  for (let lag = 1; lag <= maxXorKey; lag++) {
    // At least 12 bytes of difference, so that chance cannot match.
    if (raw.length - lag >= 12) xor.push({ lag, difference: lagDifference(raw, lag) });
  }
  const longestLag = Math.min(maxXorKey, raw.length - 12);
  const screenLags = new Set(xor.map(({ lag }) => lag * Math.floor(longestLag / lag)));
  const forms: SecretForms = { spellings: all, xor, screen: xor.filter(({ lag }) => screenLags.has(lag)) };
  secretForms.set(secret, forms);
  return forms;
}

/** Runs of {@link fragmentLength} characters of a secret and its ends, in any case. */
function partsOf(secret: string): Spelling[] {
  const parts: Array<[string, string]> = [
    ...fragmentsOf(secret).map((f): [string, string] => [f, `a part of ${f.length} characters`]),
    ...endFragmentsOf(secret),
  ];
  const out: Spelling[] = [];
  for (const [fragment, encoding] of parts) {
    for (const text of new Set([fragment, fragment.toUpperCase(), fragment.toLowerCase()]))
      out.push({ encoding, bytes: Buffer.from(text, 'utf8') });
  }
  return out;
}

/**
 * A secret's short ends that count as the secret (see {@link endFragmentLengths}): `shc-` and the
 * first 5 characters after it, and the last 6; none when the secret is too short to have them apart
 * from a run of {@link fragmentLength}.
 */
export function endFragmentsOf(secret: string): Array<[string, string]> {
  if (!secret.startsWith(canaryPrefix)) return [];
  const chars = [...secret.slice(canaryPrefix.length)];
  if (chars.length < fragmentLength) return [];
  return [
    [
      canaryPrefix + chars.slice(0, endFragmentLengths.prefix).join(''),
      `a prefix of ${endFragmentLengths.prefix} characters after ${canaryPrefix}`,
    ],
    [chars.slice(-endFragmentLengths.suffix).join(''), `a suffix of ${endFragmentLengths.suffix} characters`],
  ];
}

/** Every run of {@link fragmentLength} characters of a secret, past a canary's fixed `shc-` prefix. */
export function fragmentsOf(secret: string): string[] {
  const chars = [...(secret.startsWith(canaryPrefix) ? secret.slice(canaryPrefix.length) : secret)];
  const out: string[] = [];
  for (let i = 0; i + fragmentLength <= chars.length; i++) out.push(chars.slice(i, i + fragmentLength).join(''));
  return out;
}
