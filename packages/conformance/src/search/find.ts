import { decodedRuns, inflateAll, spellings, type Spelling } from './encodings.js';

/** A secret found somewhere it must not be. */
export interface Hit {
  /** Which needle matched (index into the needles searched for). */
  readonly needle: number;
  /** How it was spelled, e.g. `base64`, or `gzip → raw`. */
  readonly encoding: string;
  /** Where: `table public.secrets, column value`, `server log`, `adapter output`... */
  readonly location: string;
}

/** Prepared needles: every spelling of every secret (or raw byte string) searched for. */
export class Needles {
  private readonly prepared: Array<{ needle: number; spelling: Spelling }> = [];

  /** `secrets` are searched in every spelling; `rawBytes` (e.g. a deleted ciphertext) also as hex and base64. */
  constructor(readonly secrets: readonly string[], rawBytes: readonly Buffer[] = []) {
    secrets.forEach((secret, needle) => {
      for (const spelling of spellings(secret)) this.prepared.push({ needle, spelling });
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
  }

  /** Every needle found in `value`, directly, after decoding base64/hex runs, or after decompressing (two levels deep). */
  search(value: Buffer | string, location: string): Hit[] {
    const hits = new Map<string, Hit>();
    const visit = (bytes: Buffer, via: string, depth: number): void => {
      for (const { needle, spelling } of this.prepared) {
        if (bytes.length >= spelling.bytes.length && bytes.includes(spelling.bytes)) {
          const encoding = via === '' ? spelling.encoding : `${via} → ${spelling.encoding}`;
          const key = `${needle}|${encoding}`;
          if (!hits.has(key)) hits.set(key, { needle, encoding, location });
        }
      }
      if (depth >= 2) return;
      for (const inflated of inflateAll(bytes)) visit(inflated.bytes, via === '' ? inflated.via : `${via} → ${inflated.via}`, depth + 1);
      if (bytes.length <= 1 << 20) {
        for (const run of decodedRuns(bytes.toString('latin1'))) {
          if (run.bytes.length >= 6) visit(run.bytes, via === '' ? run.via : `${via} → ${run.via}`, depth + 1);
        }
      }
    };
    visit(typeof value === 'string' ? Buffer.from(value, 'utf8') : value, '', 0);
    return [...hits.values()];
  }
}
