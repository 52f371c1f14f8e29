import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  detectSecretLiteral,
  explainSecretValue,
  findSecretLiterals,
  isPlaceholder,
  looksLikeSecretValue,
  redact,
  SECRET_DETECTORS,
} from '../src/index.js';
import { charsetOf, shannonEntropy, urlCredentials } from '../src/internal.js';
import {
  commentDisclaimsSecret,
  isStandInKey,
  looksLikeSecretPhrase,
  nameDisclaimsSecret,
} from '../src/literals/index.js';

// Fake credentials are built at run time from a seeded generator, so that no literal in this repository
// looks like a real secret to GitHub push protection or to our own scanner.
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (alphabet: string, n: number) =>
    Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
}
const rand = generator(20261122);
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const B64URL = ALNUM + '-_';
const HEX = '0123456789abcdef';
/** Random alphanumerics with at least one digit and one letter (real keys have both). */
const alnum = (n: number) => rand(DIGITS, 1) + rand(LOWER, 1) + rand(ALNUM, n - 2);
const b64url = (s: string) => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

const fake = {
  awsKeyId: () => 'AK' + 'IA' + rand(UPPER + '234567', 16),
  awsStsKeyId: () => 'AS' + 'IA' + rand(UPPER + '234567', 16),
  awsSecret: () => rand(DIGITS, 1) + rand(LOWER, 1) + rand(UPPER, 1) + rand(ALNUM + '/+', 37),
  github: (prefix: string) => prefix + alnum(36),
  githubFine: () => 'github' + '_pat_' + alnum(22) + '_' + alnum(59),
  gitlab: () => 'gl' + 'pat-' + alnum(20),
  stripe: (prefix: string) => prefix + alnum(24),
  stripeWebhook: () => 'wh' + 'sec_' + alnum(32),
  slack: (prefix: string) => prefix + rand(DIGITS, 12) + '-' + rand(DIGITS, 12) + '-' + alnum(24),
  slackApp: () => 'xa' + 'pp-1-' + rand(UPPER + DIGITS, 11) + '-' + rand(DIGITS, 13) + '-' + rand(HEX, 64),
  slackWebhook: () =>
    'https://hooks.slack.com/services/T' + rand(UPPER + DIGITS, 8) + '/B' + rand(UPPER + DIGITS, 8) + '/' + alnum(24),
  google: () => 'AI' + 'za' + rand(B64URL, 35),
  openai: () => 'sk-' + 'proj-' + alnum(48) + rand(B64URL, 20),
  openaiLegacy: () => 'sk-' + alnum(48),
  anthropic: () => 'sk-' + 'ant-api03-' + alnum(40) + rand(B64URL, 40),
  npm: () => 'np' + 'm_' + alnum(36),
  sendgrid: () => 'S' + 'G.' + rand(B64URL, 22) + '.' + rand(B64URL, 43),
  twilio: () => 'S' + 'K' + rand(DIGITS, 1) + rand('abcdef', 1) + rand(HEX, 30),
  jwt: (header: object = { alg: 'HS256', typ: 'JWT' }) =>
    `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify({ sub: '1234', iat: 1700000000 }))}.${rand(B64URL, 43)}`,
  pem: (kind = 'RSA ') => pemBlock(kind, [0x30, 94], 94),
};

function pemBlock(kind: string, header: number[], randomLength: number): string {
  const body = Buffer.concat([Buffer.from(header), randomBytes(randomLength)]).toString('base64');
  return `-----BEGIN ${kind}PRIVATE KEY-----\n${body.slice(0, 64)}\n${body.slice(64)}\n-----END ${kind}PRIVATE KEY-----`;
}

/** detector id -> values it must find (alone and inside longer text), and look-alikes it must not. */
const cases: Record<string, { positives: string[]; negatives: string[] }> = {
  'aws-access-key-id': {
    positives: [fake.awsKeyId(), fake.awsStsKeyId(), `aws_access_key_id = ${fake.awsKeyId()}`],
    negatives: [
      'AK' + 'IAIOSFODNN7' + 'EXAMPLE',
      'AK' + 'IA' + 'X'.repeat(16),
      'AK' + 'IA1234',
      'xAK' + 'IA' + rand(UPPER, 16),
    ],
  },
  'aws-secret-access-key': {
    positives: [
      `aws_secret_access_key=${fake.awsSecret()}`,
      `AWS_SECRET_ACCESS_KEY: "${fake.awsSecret()}"`,
      `"SecretAccessKey": "${fake.awsSecret()}"`,
    ],
    negatives: [
      fake.awsSecret(),
      `aws_secret_access_key=${'wJalrXUtnFEMI/K7MDENG/bPxRfiCY' + 'EXAMPLEKEY'}`,
      'aws_secret_access_key=' + 'a'.repeat(40),
    ],
  },
  'github-personal-access-token': {
    positives: [
      fake.github('gh' + 'p_'),
      `Authorization: Bearer ${fake.github('gh' + 'p_')}`,
      `token ${fake.github('gh' + 'p_')}\n`,
    ],
    negatives: [
      'gh' + 'p_' + 'A'.repeat(36),
      'gh' + 'p_' + alnum(10),
      'gh' + 'p_' + 'x'.repeat(36),
      'gh' + 'p_your_token_here',
    ],
  },
  'github-oauth-token': { positives: [fake.github('gh' + 'o_')], negatives: ['gh' + 'o_' + '0'.repeat(36)] },
  'github-user-to-server-token': { positives: [fake.github('gh' + 'u_')], negatives: ['gh' + 'u_short'] },
  'github-server-to-server-token': {
    positives: [fake.github('gh' + 's_')],
    negatives: ['gh' + 's_' + LOWER + LOWER.slice(0, 10)],
  },
  'github-refresh-token': { positives: [fake.github('gh' + 'r_')], negatives: ['gh' + 'r_' + 'EXAMPLE' + alnum(30)] },
  'github-fine-grained-pat': { positives: [fake.githubFine()], negatives: ['github' + '_pat_' + alnum(10)] },
  'gitlab-personal-access-token': { positives: [fake.gitlab()], negatives: ['gl' + 'pat-' + 'x'.repeat(20)] },
  'stripe-secret-key': {
    positives: [
      fake.stripe('sk' + '_live_'),
      fake.stripe('sk' + '_test_'),
      `STRIPE_KEY=${fake.stripe('sk' + '_live_')}`,
    ],
    negatives: [
      fake.stripe('pk' + '_live_'),
      fake.stripe('pk' + '_test_'),
      'sk' + '_test_xxx',
      'sk' + '_test_' + 'x'.repeat(24),
      'sk' + '_live_' + '...',
    ],
  },
  'stripe-restricted-key': { positives: [fake.stripe('rk' + '_live_')], negatives: ['rk' + '_live_' + '*'.repeat(24)] },
  'stripe-webhook-secret': { positives: [fake.stripeWebhook()], negatives: ['wh' + 'sec_...'] },
  'slack-token': {
    positives: [fake.slack('xo' + 'xb-'), fake.slack('xo' + 'xp-'), fake.slack('xo' + 'xa-'), fake.slack('xo' + 'xr-')],
    negatives: ['xo' + 'xb-your-token', 'xo' + 'xb-' + 'x'.repeat(30)],
  },
  'slack-app-token': { positives: [fake.slackApp()], negatives: ['xa' + 'pp-1-XXXX'] },
  'slack-webhook-url': {
    positives: [fake.slackWebhook(), `post to ${fake.slackWebhook()} now`],
    negatives: ['https://hooks.slack.com/services/T000/B000/XXXX', 'https://hooks.slack.com/'],
  },
  'google-api-key': {
    positives: [fake.google(), `?key=${fake.google()}&q=1`],
    negatives: ['AI' + 'za' + alnum(10), 'AI' + 'za' + 'X'.repeat(35)],
  },
  'openai-api-key': {
    positives: [fake.openai(), fake.openaiLegacy(), `OPENAI_API_KEY=${fake.openai()}`],
    negatives: ['sk-' + 'your-openai-key', 'sk-' + alnum(10), 'sk-' + 'x'.repeat(48), fake.anthropic()],
  },
  'anthropic-api-key': {
    positives: [fake.anthropic()],
    negatives: ['sk-' + 'ant-api03-...', 'sk-' + 'ant-' + alnum(5)],
  },
  'npm-token': {
    positives: [fake.npm(), `//registry.npmjs.org/:_authToken=${fake.npm()}`],
    negatives: ['np' + 'm_' + '0'.repeat(36), 'npm_install'],
  },
  'sendgrid-api-key': {
    positives: [fake.sendgrid()],
    negatives: ['S' + 'G.xxxxx.yyyyy', 'S' + 'G.' + 'x'.repeat(22) + '.' + 'y'.repeat(43)],
  },
  'twilio-api-key': {
    positives: [fake.twilio()],
    negatives: ['S' + 'K' + 'x'.repeat(32), 'S' + 'K' + '0'.repeat(32), 'SKIP'],
  },
  jwt: {
    positives: [fake.jwt(), `Bearer ${fake.jwt()}`, fake.jwt({ alg: 'RS256', kid: 'k1' })],
    negatives: [
      `${b64url('{"typ":"JWT"}')}.${b64url('{"sub":"1"}')}.${rand(B64URL, 43)}`,
      `${b64url('not json')}.eyJzdWIiOiIxIn0.${rand(B64URL, 20)}`,
      'eyJhbGciOi.eyJ.x',
    ],
  },
  'pem-private-key': {
    positives: [
      fake.pem(),
      fake.pem('EC '),
      fake.pem('OPENSSH '),
      fake.pem(''),
      fake.pem('ENCRYPTED '),
      `key: "${fake.pem().replace(/\n/g, '\\n')}"`,
    ],
    negatives: [
      '-----BEGIN PRIVATE KEY-----',
      '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
      '-----BEGIN PUBLIC KEY-----\n' + rand(ALNUM, 128) + '\n-----END PUBLIC KEY-----',
    ],
  },
  'url-credentials': {
    positives: [
      `postgres://app:${alnum(20)}@db.internal:5432/app`,
      `redis://:${alnum(16)}@cache:6379`,
      `amqp://worker:${alnum(12)}@mq/vhost`,
    ],
    negatives: [
      'postgres://postgres:postgres@localhost:5432/app',
      'postgres://user:@localhost/db',
      'postgres://user:password@localhost/db',
      'mysql://root:${MYSQL_PASSWORD}@db/app',
      'https://example.com/path',
      'postgres://user@host/db',
      'postgres://app:changeme@db/app',
    ],
  },
  'basic-auth-header': {
    positives: [`Basic ${btoa(`admin:${alnum(16)}`)}`, `Authorization: Basic ${btoa(`svc:${alnum(20)}`)}`],
    negatives: [
      `Basic ${btoa('user:password')}`,
      `Basic ${btoa('user:user')}`,
      `Basic ${btoa('no-colon-here')}`,
      'Basic auth is enabled',
    ],
  },
};

describe('secret detectors', () => {
  it('have unique, stable kebab-case ids and descriptions, and each is tested here', () => {
    const ids = SECRET_DETECTORS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of SECRET_DETECTORS) {
      expect(d.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(d.description.length).toBeGreaterThan(3);
      expect(d.pattern.global).toBe(true);
    }
    expect(Object.keys(cases).sort()).toEqual([...ids].sort());
  });

  for (const [id, { positives, negatives }] of Object.entries(cases)) {
    describe(id, () => {
      it.each(positives.map((v, i) => [i, v] as const))('finds positive #%i', (_, value) => {
        expect(findSecretLiterals(value).map((f) => f.detectorId)).toContain(id);
      });
      it.each(negatives.map((v, i) => [i, v] as const))('ignores negative #%i', (_, value) => {
        expect(findSecretLiterals(value).map((f) => f.detectorId)).not.toContain(id);
      });
    });
  }

  it('reports where the secret sits inside a longer string', () => {
    const token = fake.github('gh' + 'p_');
    const [finding] = findSecretLiterals(`Authorization: Bearer ${token}`);
    expect(finding).toMatchObject({ detectorId: 'github-personal-access-token', basis: 'format' });
    expect(`Authorization: Bearer ${token}`.slice(finding!.start, finding!.end)).toBe(token);
  });

  it.each([
    [
      'RSA PKCS#1',
      () => generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }),
    ],
    [
      'RSA PKCS#8',
      () => generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
    ],
    [
      'EC SEC1',
      () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'sec1', format: 'pem' }),
    ],
    ['Ed25519 PKCS#8', () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' })],
  ])('finds a real %s private key, whole and with escaped line breaks', (_, make) => {
    const pem = String(make());
    expect(detectSecretLiteral(pem)?.detectorId).toBe('pem-private-key');
    expect(detectSecretLiteral(`key: "${pem.replace(/\n/g, '\\n')}"`)?.detectorId).toBe('pem-private-key');
  });

  it('detectSecretLiteral returns the first finding by position, with exactly the public fields', () => {
    const text = `first ${fake.npm()} then ${fake.awsKeyId()}`;
    expect(detectSecretLiteral(text)).toEqual({
      detectorId: 'npm-token',
      description: 'npm access token',
      basis: 'format',
    });
    expect(detectSecretLiteral('nothing to see here')).toBeUndefined();
  });
});

describe('isPlaceholder', () => {
  it.each([
    '',
    '   ',
    'changeme',
    'CHANGE_ME',
    'xxx',
    'XXXXXXXX',
    '********',
    '<your-key>',
    '<API_KEY>',
    '${VAR}',
    '${process.env.X}',
    '{{VAR}}',
    '{{ .Values.secret }}',
    '%API_KEY%',
    '$API_KEY',
    '[YOUR_TOKEN]',
    'your-api-key-here',
    'YOUR_API_KEY',
    'REPLACE_ME',
    'replace-me',
    'TODO',
    'todo',
    'dummy',
    'example',
    'test',
    'secret',
    'password',
    'sk' + '_test_xxx',
    'AK' + 'IAIOSFODNN7EXAMPLE',
    'aaaaaaaa',
    '1111',
    '123456',
    '12345678',
    'abcdefgh',
    'qwerty',
    'mysecretkey123',
    'superSecretPassword',
    'my-secret-password',
    'insert-token-here',
    'fake-token',
    'mock_secret',
    'redacted',
    '...',
    'sk-...',
    'postgres://postgres:postgres@localhost:5432/app',
    'postgres://user:password@localhost/db',
    'mysql://root:${DB_PASS}@db/app',
    'postgres://user:@host/db',
    // Format strings: printf's, Python's and .NET's slots where the password goes.
    'rediss://:%s@%s:%s',
    'postgresql://%s:%s@%s:%s/%s?schema=public',
    'amqp://app:%1$s@rabbit.internal.net:5672',
    'redis://:%(password)s@cache.internal.net:6379',
    'amqp://app:{0}@rabbit.internal.net',
    'amqp://app:{password}@rabbit.internal.net',
    '%s',
    'null',
    'undefined',
  ])('%j is a placeholder', (value) => {
    expect(isPlaceholder(value)).toBe(true);
    expect(detectSecretLiteral(value)).toBeUndefined();
    expect(looksLikeSecretValue(value)).toBe(false);
  });

  it.each([
    () => alnum(32),
    () => fake.github('gh' + 'p_'),
    () => fake.stripe('sk' + '_live_'),
    () => `postgres://app:${alnum(20)}@db/app`,
    // A slot beside real characters is no slot: `%s` inside a password.
    () => `rediss://:${alnum(8)}%s${alnum(8)}@cache.prod.net`,
    () => 'S3cure!Pass',
    () => 'hunter2',
    () => '4821',
    () => rand(HEX, 40),
  ])('a real-looking value is not a placeholder (#%#)', (make) => {
    expect(isPlaceholder(make())).toBe(false);
  });

  it('reads URL credentials', () => {
    expect(urlCredentials('postgres://app:s%40cret@db/x')).toEqual({ user: 'app', password: 's@cret' });
    expect(urlCredentials('https://example.com')).toBeUndefined();
  });
});

describe('nameDisclaimsSecret', () => {
  it.each(['samples', 'SampleRecord[]', 'mockEvent', 'EXAMPLE_PAYLOAD', 'fakeUsers', 'demoConfig'])(
    '%j says made up',
    (name) => {
      expect(nameDisclaimsSecret(name)).toBe(true);
    },
  );
  it.each(['config', 'defaults', 'settings', 'examined', 'simpleConfig', 'stubborn'])('%j does not', (name) => {
    expect(nameDisclaimsSecret(name)).toBe(false);
  });
});

describe('commentDisclaimsSecret', () => {
  it('reads an author saying the value beside the comment is no real secret', () => {
    for (const comment of [
      '// dummy secret',
      '/* fake key for the webhook tests */',
      "// This is not actually a secret key, it's just a string that we XOR with the key",
      "// it's not a secret",
      "// isn't sensitive: a public salt",
      '// not a real token',
      '// non-secret pad',
      '// placeholder until the vault is wired',
    ])
      expect(commentDisclaimsSecret(comment), comment).toBe(true);
  });

  it('does not read warnings, instructions or descriptions as a disclaimer', () => {
    for (const comment of [
      '// Do not commit the secret',
      '// the signing secret; rotate it every 90 days',
      '// not used in production builds',
      '// keep this secret out of logs',
      '// Stripe live key',
      '// testing the secret rotation',
    ])
      expect(commentDisclaimsSecret(comment), comment).toBe(false);
  });
});

describe('looksLikeSecretValue (values assigned to secret names)', () => {
  it.each([
    ['random hex 32', () => rand(HEX, 32)],
    ['random hex 64', () => rand(HEX, 64)],
    ['random alnum 24', () => alnum(24)],
    ['random base64 40', () => rand(ALNUM + '+/', 39) + '='],
    ['uuid', () => '3f2b8c1e-9d4a-4e7b-b6a1-0c5d2e8f7a93'],
    ['known format', () => fake.npm()],
    ['human password', () => 'S3cure!Pass'],
    ['human password 2', () => 'Summer2024!'],
    ['url with password', () => `redis://:${alnum(16)}@cache:6379`],
    ['pem', () => fake.pem()],
    // Base64 may start with or hold slashes; it never has a leading `./` or a dotted file extension.
    ['base64 with a leading slash', () => '/' + rand(ALNUM + '+/', 38) + '='],
    [
      'base64 with short slash-separated runs',
      () => `${alnum(5)}/${alnum(4)}/${alnum(6)}/${alnum(5)}/${alnum(8)}/${alnum(6)}`,
    ],
  ])('%s looks like a secret', (_, make) => {
    expect(looksLikeSecretValue(make())).toBe(true);
  });

  it.each([
    'hunter2',
    'my_application_name',
    'someCamelCaseIdentifierHere',
    'correct horse battery staple',
    'GITHUB_TOKEN',
    'access_token',
    'https://api.myservice.io/v1/oauth/token',
    '/etc/secrets/key.pem',
    './keys/private.pem',
    'localhost:5432',
    'aes-256-gcm',
    'Content-Type',
    'X-Api-Key',
    'application/json',
    'text/html;charset=utf-8',
    'deadbeefdeadbeef',
    '2024-01-01T00:00:00Z',
    'user@company.com',
    'Bearer',
    'HS256',
    'en-US',
    'short',
    'The password must be at least 12 characters long.',
    '[A-Za-z0-9._~+/-]+=*',
    '^[a-f0-9]{64}$',
    '[^A-Z0-9]+',
    'VARCHAR(255)',
    'decimal(10, 2)',
    // A package's export map and typesVersions: paths of words, under keys named for API keys and JWTs.
    './src/v3/apiKeys.ts',
    'dist/commonjs/v3/jwt.d.ts',
  ])('%j does not', (value) => {
    expect(looksLikeSecretValue(value)).toBe(false);
  });

  it('keys public by design do not, their secret siblings do', () => {
    const base64 = (text: string) => btoa(text);
    expect(looksLikeSecretValue(`phc_${alnum(43)}`)).toBe(false); // PostHog project key
    expect(looksLikeSecretValue(`phx_${alnum(43)}`)).toBe(true); // PostHog personal key
    expect(looksLikeSecretValue(`pk_${'test'}_${alnum(40)}`)).toBe(false); // Stripe publishable key
    expect(looksLikeSecretValue(base64('3f2b8c1e-9d4a-4e7b-b6a1-0c5d2e8f7a93|read'))).toBe(false); // Nx Cloud
    expect(looksLikeSecretValue(base64('3f2b8c1e-9d4a-4e7b-b6a1-0c5d2e8f7a93|read-write'))).toBe(true);
  });

  it("a local emulator's published default credential does not, in a URL either; any other key of its shape does", () => {
    // Azurite's and the Cosmos DB emulator's fixed keys, as Microsoft's docs print them (split: see `generator`).
    const azurite = [
      'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVE',
      'rCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
    ].join('');
    const cosmos = [
      'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVT',
      'qobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==',
    ].join('');
    expect(looksLikeSecretValue(azurite)).toBe(false);
    expect(looksLikeSecretValue(cosmos)).toBe(false);
    expect(detectSecretLiteral(`mongodb://localhost:${cosmos}@db.example.net:10255/admin`)).toBeUndefined();
    expect(looksLikeSecretValue(`${azurite.slice(0, 20)}${alnum(68)}==`)).toBe(true);
    expect(detectSecretLiteral(`mongodb://app:${alnum(24)}@db.internal.net:10255/admin`)).toBeDefined();
  });

  it('says why', () => {
    expect(explainSecretValue(rand(HEX, 32))).toMatchObject({ detectorId: 'high-entropy-string', basis: 'entropy' });
    expect(explainSecretValue('S3cure!Pass')).toMatchObject({ detectorId: 'password-like-string', basis: 'entropy' });
    expect(explainSecretValue(fake.npm())).toMatchObject({ detectorId: 'npm-token', basis: 'format' });
  });

  // The calibration in entropy.ts, re-measured: random keys of 16+ characters are rarely missed.
  it.each([
    ['hex', HEX, 16, 0.01],
    ['hex', HEX, 32, 0.001],
    ['alnum', ALNUM, 16, 0.01],
    ['alnum', ALNUM, 32, 0.001],
    ['base64', ALNUM + '+/', 40, 0.001],
  ])('misses few random %s strings of length %i', (_, alphabet, length, maxMissRate) => {
    const runs = 2000;
    let missed = 0;
    for (let i = 0; i < runs; i++) if (!looksLikeSecretValue(rand(alphabet, length))) missed++;
    expect(missed / runs).toBeLessThanOrEqual(maxMissRate);
  });
});

describe('shannonEntropy and charsetOf', () => {
  it('measures bits per character', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abab')).toBeCloseTo(1, 10);
    expect(shannonEntropy('0123456789abcdef')).toBeCloseTo(4, 10);
  });
  it('names the narrowest charset', () => {
    expect(charsetOf('123')).toBe('digits');
    expect(charsetOf('12ab')).toBe('hex');
    expect(charsetOf('12abZ')).toBe('alnum');
    expect(charsetOf('ab+/==')).toBe('base64');
    expect(charsetOf('a b')).toBe('printable');
  });
});

describe('redact', () => {
  it('keeps at most a quarter of the value, and nothing of short values', () => {
    expect(redact('')).toBe('****');
    expect(redact('hunter2')).toBe('****');
    expect(redact('fifteen-chars-x')).toBe('****');
    const token = fake.github('gh' + 'p_');
    expect(redact(token)).toBe(`${token.slice(0, 4)}…${token.slice(-4)}`);
    expect(redact('0123456789abcdef')).toBe('01…ef');
  });
});

describe('looksLikeSecretPhrase (made-up secrets under a secret name)', () => {
  it.each([
    'my_super_secret_cookie_phrase',
    'purple-monkey-dishwasher',
    'banana_republic_kingdom',
    'keyboard cat',
    'correct horse battery staple',
    'supersecretnextauthvalue',
    's3cr3tphrase',
  ])('%j is one', (value) => {
    expect(looksLikeSecretPhrase(value)).toBe(true);
  });

  it.each([
    // Placeholders and stand-ins.
    'changeme',
    'example-secret-key-123',
    'your-secret-here',
    'super-secret-password',
    // Field, header and grant names; identifiers and constants.
    'client_secret',
    'refresh_token',
    'x-api-key',
    'accessToken',
    'SigningSecret',
    'JWT_SECRET',
    // Dotted keys, URLs, paths, e-mail addresses, sentences, single words of dictionary length.
    'auth.password.label',
    'https://example.test/hook',
    './keys/session.key',
    'admin@acme.test',
    'Enter your password',
    'this is a much longer sentence here',
    'authorization',
    'short',
  ])('%j is not', (value) => {
    expect(looksLikeSecretPhrase(value)).toBe(false);
  });
});

describe('isStandInKey (values that cannot be a working key)', () => {
  it.each(['', '   ', 'xxx', '********', '<your-jwt-secret>', '${JWT_SECRET}', '{{ secret }}', '$SECRET'])(
    '%j is one',
    (value) => {
      expect(isStandInKey(value)).toBe(true);
    },
  );

  it.each(['changeme', 'secret', 'example-secret-key-123', 'keyboard cat', 'your-secret-key'])(
    '%j is a key an app can run with',
    (value) => {
      expect(isStandInKey(value)).toBe(false);
    },
  );
});
