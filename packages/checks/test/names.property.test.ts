import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyName, SECRET_KINDS, splitWords } from '../src/index.js';

// Words from every role in the grammar, so the generated names hit secrets, metadata, protected forms,
// blocked look-alikes and plain names. `pwd` is left out: `PWD` (upper case, alone) is the shell variable.
const VOCAB = `password pass passphrase token secret key api private public access refresh client session id cookie
  jwt bearer credential dsn database url connection string hash hashed encrypted salt nonce policy count name type
  expires at max page next is has user db current new value raw config manager store for of by length reset otp
  mnemonic seed phrase auth authorization header code signing hmac webhook stripe github aws mail smtp input field`
  .split(/\s+/)
  .filter(Boolean);

const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);
const styles: Record<string, (words: readonly string[]) => string> = {
  camel: (ws) => ws.map((w, i) => (i === 0 ? w : capital(w))).join(''),
  pascal: (ws) => ws.map(capital).join(''),
  snake: (ws) => ws.join('_'),
  screaming: (ws) => ws.join('_').toUpperCase(),
  kebab: (ws) => ws.join('-'),
  dotted: (ws) => `foo.${ws.map((w, i) => (i === 0 ? w : capital(w))).join('')}`,
};

const verdictOf = (name: string) => {
  const c = classifyName(name);
  return { verdict: c.verdict, kind: c.kind };
};

describe('classifyName: laws', () => {
  it('gives the same verdict and kind whatever the case style', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VOCAB), { minLength: 1, maxLength: 4 }), (words) => {
        const expected = verdictOf(styles.snake!(words));
        for (const [style, render] of Object.entries(styles)) {
          expect({ style, ...verdictOf(render(words)) }).toEqual({ style, ...expected });
        }
      }),
      { numRuns: 1500 },
    );
  });

  // Names with a clear verdict, written in varied styles; predicates (`isX`, `hasX`) are left out because a
  // prefix before `has` makes a different sentence (`userHasPassword`).
  const CLEAR =
    `password dbPassword userPassword passphrase accessToken refreshToken apiKey API_KEY privateKey clientSecret
    sessionId sessionToken signingKey webhookSecret JWT_SECRET DATABASE_URL connectionString authorization cookie otpCode
    seedPhrase passwordHash hashedPassword encryptedToken apiKeyCiphertext token_nonce passwordSalt passwordPolicy
    passwordResetAt tokenCount tokenExpiresAt secretName tokenType keyId publicKey cacheKey maxTokens nextPageToken
    tokenizer passwordManager session auth authorName cookieName apiKeyId privateKeyPath`
      .split(/\s+/)
      .filter(Boolean);

  it('keeps the verdict and kind under unrelated prefixes and suffixes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CLEAR),
        fc.constantFrom('', 'user', 'current', 'new', 'my', 'default', 'db'),
        fc.constantFrom('', 'value', 'raw', 'str'),
        fc.constantFrom(...Object.keys(styles)),
        (name, prefix, suffix, style) => {
          const words = [prefix, ...splitWords(name), suffix].filter(Boolean);
          expect({ name: styles[style]!(words), ...verdictOf(styles[style]!(words)) }).toEqual({
            name: styles[style]!(words),
            ...verdictOf(name),
          });
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('answers quickly on long run-together words', () => {
    const start = performance.now();
    classifyName('db'.repeat(23) + 'x');
    classifyName('pass'.repeat(12) + 'q');
    classifyName('x'.repeat(10_000));
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('never throws and always answers consistently', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (name) => {
        const c = classifyName(name);
        expect(['secret', 'protected', 'metadata', 'none']).toContain(c.verdict);
        expect(c.isSecret).toBe(c.verdict === 'secret');
        if (c.kind !== undefined) expect(SECRET_KINDS).toContain(c.kind);
        if (c.verdict !== 'none') expect(c.kind).toBeDefined();
        expect(c.reason.length).toBeGreaterThan(0);
        for (const w of c.matched) expect(c.words).toContain(w);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('splitWords: law', () => {
  // The reference: the regular expressions the scanner replaced (the first cut's splitting).
  const reference = (name: string) =>
    name
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map((w) => w.toLowerCase());

  it('splits like the reference regular expressions', () => {
    const chars = fc.constantFrom(...'aAbBzZkKyY019_-. $é'.split(''));
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 30 }).map((cs) => cs.join('')),
        (name) => {
          expect(splitWords(name)).toEqual(reference(name));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
