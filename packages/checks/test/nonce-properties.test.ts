import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { checksById, runChecksOnFile, type TypeScript } from '@secret-hygiene/checks';

const t = ts as unknown as TypeScript;
const check = checksById.get('no-iv-reuse')!;

/** The message ids no-iv-reuse reports on `code`. */
function reports(code: string): string[] {
  const sourceFile = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  runChecksOnFile({ ts: t, sourceFile }, [{ check, onReport: (r) => found.push(r.messageId) }]);
  return found;
}

const HEADER =
  "import { createCipheriv, createDecipheriv, randomBytes, createHash } from 'node:crypto';\nconst MODULE_IV = randomBytes(12);\nconst ZERO = Buffer.alloc(12);\nlet counter = 0;\n";

// Nonce expressions of every origin, and the wrappers code puts around them.
const leaf = fc.constantFrom(
  'randomBytes(12)',
  'Buffer.alloc(12)',
  'new Uint8Array(12)',
  "Buffer.from('0123456789ab')",
  'MODULE_IV',
  'ZERO',
  'payload.subarray(0, 12)',
  'iv',
  'key.subarray(0, 12)',
  'Buffer.from(String(Date.now()))',
  'Buffer.from([counter++])',
  "createHash('sha256').update(key).digest()",
  'unknownCall()',
);
const wrap = fc.constantFrom(
  (e: string) => e,
  (e: string) => `Buffer.from(${e})`,
  (e: string) => `new Uint8Array(${e})`,
  (e: string) => `(${e}).subarray(0, 12)`,
  (e: string) => `(${e} as Buffer)`,
  (e: string) => `Buffer.concat([${e}])`,
);
const nonce = fc.tuple(leaf, wrap, wrap).map(([l, a, b]) => b(a(l)));

describe('no-iv-reuse laws', () => {
  it('never reports a decryption, whatever its IV', () => {
    fc.assert(
      fc.property(nonce, (n) => {
        expect(
          reports(
            `${HEADER}export function open(key: Buffer, payload: Buffer, iv: Buffer) { return createDecipheriv('aes-256-gcm', key, ${n}); }`,
          ),
        ).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('never reports a nonce with fresh randomness in it', () => {
    fc.assert(
      fc.property(nonce, wrap, (n, w) => {
        const fresh = w(`Buffer.concat([randomBytes(12), ${n}])`);
        expect(
          reports(
            `${HEADER}export function seal(key: Buffer, payload: Buffer, iv: Buffer) { return createCipheriv('aes-256-gcm', key, ${fresh}); }`,
          ),
        ).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('reports a constant nonce however it is wrapped', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Buffer.alloc(12)', 'new Uint8Array(12)', "Buffer.from('0123456789ab')", 'ZERO'),
        wrap,
        wrap,
        (l, a, b) => {
          expect(
            reports(
              `${HEADER}export function seal(key: Buffer) { return createCipheriv('aes-256-gcm', key, ${b(a(l))}); }`,
            ),
          ).toEqual(['constantNonce']);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reports at most one finding per encryption', () => {
    fc.assert(
      fc.property(nonce, (n) => {
        expect(
          reports(
            `${HEADER}export function seal(key: Buffer, payload: Buffer, iv: Buffer) { return createCipheriv('aes-256-gcm', key, ${n}); }`,
          ).length,
        ).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});
