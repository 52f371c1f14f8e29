import { redact as checksRedact } from '@secret-hygiene/checks';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCanary, redact } from '../src/canary.js';

describe('redact', () => {
  it('follows the rule of @secret-hygiene/checks for any value (the harness keeps its own copy to load faster)', () => {
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
