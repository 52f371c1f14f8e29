import { redact as checksRedact } from '@secret-hygiene/checks';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCanary, redact, Redactor } from '../src/canary.js';
import { base32, spellings } from '../src/search/encodings.js';

describe('redact', () => {
  it('is the policy of @secret-hygiene/checks (its ./redact entry loads that one module only)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (value) => {
        expect(redact(value)).toBe(checksRedact(value));
      }),
      { numRuns: 200 },
    );
    const canary = makeCanary();
    expect(redact(canary)).toBe(`${canary.slice(0, 3)}…${canary.slice(-3)}`);
    expect(redact('short')).toBe('****');
  });
});

describe('Redactor', () => {
  it('leaves no spelling the leak search knows of a canary in any message, and no run of 8 of its characters', () => {
    fc.assert(
      fc.property(fc.boolean(), (unicode) => {
        const canary = makeCanary(unicode);
        const redactor = new Redactor();
        redactor.add(makeCanary());
        redactor.add(canary);
        const raw = Buffer.from(canary);
        const forms = [
          ...spellings(canary)
            .filter((s) => !s.encoding.startsWith('utf-16'))
            .map((s) => s.bytes.toString('utf8')),
          raw.toString('base64'),
          raw.toString('base64url'),
          Buffer.from(`ab${canary}`).toString('base64'),
          base32(raw).toLowerCase(),
          canary.slice(0, 16),
          canary.slice(-10).toUpperCase(),
        ];
        for (const form of forms) {
          const message = redactor.apply(`the store refused "${form}" (an error it threw)`);
          expect(message.startsWith('the store refused "')).toBe(true);
          const longest = Math.max(
            ...[...canary].map((_, i) => commonRun(message.toLowerCase(), canary.toLowerCase().slice(i))),
          );
          expect(longest).toBeLessThan(8);
          for (const spelled of spellings(canary).filter((s) => s.bytes.length >= 8))
            expect(message).not.toContain(spelled.bytes.toString('utf8'));
        }
      }),
      { numRuns: 25 },
    );
  });
});

/** The length of the longest prefix of `needle` found in `text`. */
function commonRun(text: string, needle: string): number {
  let n = 0;
  while (n < needle.length && text.includes(needle.slice(0, n + 1))) n++;
  return n;
}
