import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSecretLiteral, findSecretLiterals, isPlaceholder, looksLikeSecretValue, redact } from '../src/index.js';

const alnum = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'.split('')),
  minLength: 0,
  maxLength: 120,
});
const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/);
const prefixes = [
  '',
  'gh' + 'p_',
  'sk' + '_live_',
  'sk' + '_test_',
  'xo' + 'xb-',
  'np' + 'm_',
  'AK' + 'IA',
  'AI' + 'za',
  'sk-',
  'S' + 'G.',
];

/** Stand-ins as people write them, around every format prefix. */
const placeholder = fc.oneof(
  identifier.map((v) => `\${${v}}`),
  identifier.map((v) => `{{${v}}}`),
  identifier.map((v) => `<${v}>`),
  identifier.map((v) => `%${v}%`),
  fc
    .tuple(fc.constantFrom(...prefixes), fc.constantFrom('x', 'X', '*', '0', 'a', 'A'), fc.integer({ min: 3, max: 60 }))
    .map(([p, c, n]) => p + c.repeat(n)),
  fc
    .tuple(
      fc.constantFrom(...prefixes),
      fc.constantFrom(
        'your-api-key-here',
        'YOUR_TOKEN',
        'REPLACE_ME',
        'changeme',
        'EXAMPLE',
        '...',
        'dummy',
        'example_key',
      ),
    )
    .map(([p, w]) => p + w),
  fc
    .tuple(
      fc.constantFrom('postgres', 'mysql', 'redis', 'amqp'),
      fc.constantFrom('user', 'postgres', 'root', 'app'),
      fc.constantFrom('', 'password', 'changeme', '${DB_PASSWORD}', 'xxx', 'secret'),
    )
    .map(([scheme, user, pw]) => `${scheme}://${user}:${pw}@localhost:5432/db`),
);

describe('literals: laws', () => {
  it('redact never returns the middle of its input', () => {
    fc.assert(
      fc.property(alnum, (value) => {
        const shown = redact(value);
        const n = value.length;
        const middle = value.slice(Math.floor(n / 4), Math.ceil((3 * n) / 4));
        if (middle.length >= 2) expect(shown).not.toContain(middle);
        // Never more than a quarter of the characters survive.
        expect(shown.replace(/[…*]/g, '').length).toBeLessThanOrEqual(n / 4);
        if (n >= 8) expect(shown).not.toBe(value);
      }),
      { numRuns: 3000 },
    );
  });

  it('never detects a placeholder, and never calls one a secret value', () => {
    fc.assert(
      fc.property(placeholder, (value) => {
        expect(isPlaceholder(value)).toBe(true);
        expect(detectSecretLiteral(value)).toBeUndefined();
        expect(looksLikeSecretValue(value)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('scans long hostile strings in linear time', () => {
    const start = performance.now();
    for (const unit of ['://a:', '-----BEGIN PRIVATE KEY-----', 'eyJ', 'sk-', 'Basic ', 'ghp_', 'a'.repeat(7) + '@']) {
      findSecretLiterals(unit.repeat(20_000));
      looksLikeSecretValue(unit.repeat(20_000));
    }
    expect(performance.now() - start).toBeLessThan(3000);
  });

  it('never throws, and findings lie inside the value', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.constantFrom(...prefixes, '-----BEGIN PRIVATE KEY-----\n', 'eyJ', '://a:'),
        (noise, prefix) => {
          const value = prefix + noise;
          for (const f of findSecretLiterals(value)) {
            expect(f.start).toBeGreaterThanOrEqual(0);
            expect(f.end).toBeLessThanOrEqual(value.length);
            expect(f.end).toBeGreaterThan(f.start);
          }
          looksLikeSecretValue(value);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
