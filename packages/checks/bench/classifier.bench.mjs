// Names per second for `classifyName`, against the one-regex test CodeQL-style heuristics use,
// measured in the same run over the same names, each side in its own process, interleaved rounds,
// medians (scripts/bench/measure.mjs). Run with `npm run bench -- checks` (after `tsc -b`).
import { fileURLToPath } from 'node:url';
import { benchRounds, compareSides, expectStatus, ratioRow } from '../../../scripts/bench/measure.mjs';
import { classifyName } from '../dist/index.js';

// A realistic mix: mostly ordinary identifiers, some secrets, metadata and protected forms, in every case style.
const BASE = `req res next app router config options settings logger log user userId userName email createdAt updatedAt
  id name type value data result error err message status statusCode headers body query params path url baseUrl
  port host timeout retries count index items list map cache cacheKey primaryKey key keys i j k el node parent
  children props state setState useEffect handler callback promise response request client server db pool
  connection transaction schema table column row rows users orders order total price amount currency locale
  password passwordHash hashedPassword passwordPolicy passwordResetAt newPassword confirmPassword userPassword
  token accessToken refreshToken idToken tokenCount maxTokens tokenizer tokenExpiresAt isTokenValid apiKey
  api_key API_KEY x-api-key authorization Authorization set-cookie cookie sessionId session clientSecret
  privateKey publicKey secretKey secret secretName JWT_SECRET DATABASE_URL REDIS_URL NODE_ENV PORT LOG_LEVEL
  AWS_SECRET_ACCESS_KEY GITHUB_TOKEN NEXT_PUBLIC_API_KEY encryptedToken token_nonce apiKeyCiphertext keyId
  config.db.password req.headers.authorization process.env.STRIPE_SECRET_KEY user.passwordHash signingKey
  webhookSecret otpCode mnemonic connectionString dsn passphrase author authMiddleware passenger keyboard`
  .split(/\s+/)
  .filter(Boolean);

const PREFIXES = ['', 'user', 'current', 'new', 'db', 'my', 'default', 'admin', 'temp', 'cached'];
const codeqlLike = /pass(wd|word|code|phrase)|secret|token/i;

/** Distinct names (so caches do not hide the work), spread over the base list. */
function names(count) {
  const out = [];
  for (let i = 0; out.length < count; i++) {
    const base = BASE[i % BASE.length];
    const prefix = PREFIXES[Math.floor(i / BASE.length) % PREFIXES.length];
    out.push(prefix ? `${prefix}_${base}_${i}` : `${base}${i}`);
  }
  return out;
}

/** Names per CPU-second of this process (CPU time: other load on a shared machine does not count). */
function perSecond(list, fn) {
  let sink = 0;
  const start = process.cpuUsage();
  for (const n of list) if (fn(n)) sink++;
  const { user, system } = process.cpuUsage(start);
  return { rate: list.length / ((user + system) / 1e6), sink };
}

// Labelled names from the issue: does the name hold a secret? Accuracy is compared with the same regex.
const SECRET = `password userPassword db_password newPassword token accessToken refreshToken jwt bearer apiKey x-api-key
  privateKey clientSecret credential connectionString dsn DATABASE_URL REDIS_URL cookie set-cookie otp mnemonic sessionId
  session_token signingKey webhookSecret accessKey secretAccessKey passphrase authorization proxy-authorization
  x-auth-token AWS_SECRET_ACCESS_KEY GITHUB_TOKEN STRIPE_SECRET_KEY JWT_SECRET SESSION_SECRET passwordResetToken
  encryptionKey hmacKey masterKey`
  .split(/\s+/)
  .filter(Boolean);
const NOT_SECRET = `passwordPolicy passwordResetAt tokenCount tokenizer maxTokens secretName keyId keyVersion publicKey
  isTokenValid hasPassword csrfHeaderName tokenType tokenExpiresAt passwordHash password_digest hashedPassword
  encryptedToken apiKeyCiphertext token_nonce key cacheKey primaryKey keyboard monkey authMiddleware authorName author
  passenger compass bypass secretary tokenUsage resetPasswordUrl passwordField tokenUrl token_endpoint content-type
  x-request-id NODE_ENV PORT LOG_LEVEL PUBLIC_KEY NEXT_PUBLIC_API_KEY nextPageToken`
  .split(/\s+/)
  .filter(Boolean);

function accuracy(isSecret) {
  const right = SECRET.filter(isSecret).length + NOT_SECRET.filter((n) => !isSecret(n)).length;
  return (100 * right) / (SECRET.length + NOT_SECRET.length);
}

/** One side measured in this process (run as `node classifier.bench.mjs --side classifier|regex`). */
function measureSide(side) {
  const test = side === 'regex' ? (n) => codeqlLike.test(n) : (n) => classifyName(n).isSecret;
  for (const n of names(20_000)) test(n); // warm-up: JIT, and for the classifier its caches' steady state
  const distinct = perSecond(
    names(200_000).map((n) => `${n}x`),
    test,
  );
  // Real programs repeat names: the same 200 identifiers over and over.
  const repeated = perSecond(
    Array.from({ length: 200_000 }, (_, i) => BASE[i % BASE.length]),
    test,
  );
  return { distinct: distinct.rate, repeated: repeated.rate };
}

if (process.argv[2] === '--side') {
  process.stdout.write(JSON.stringify(measureSide(process.argv[3])));
}

export async function run() {
  // Each side in its own process, interleaved rounds (a JIT warmed by one side must not favour the other).
  const self = fileURLToPath(import.meta.url);
  const side = (name) => ({
    name,
    args: [self, '--side', name],
    check: expectStatus(0),
    metrics: (r) => JSON.parse(r.stdout),
  });
  const sides = compareSides([side('classifier'), side('regex')], { label: 'classifyName', rounds: benchRounds(7) });
  const row = (name, metric, goal) =>
    ratioRow({
      name,
      unit: 'names/CPU-s',
      ours: sides.classifier.metrics[metric],
      baseline: sides.regex.metrics[metric],
      baselineName: 'one CodeQL-style regex',
      goal,
    });
  const classifierAccuracy = accuracy((n) => classifyName(n).isSecret);
  const regexAccuracy = accuracy((n) => codeqlLike.test(n));
  return [
    {
      name: `accuracy on ${SECRET.length + NOT_SECRET.length} labelled names`,
      value: classifierAccuracy,
      unit: '%',
      baseline: { name: 'one CodeQL-style regex', value: regexAccuracy },
      ratio: classifierAccuracy / regexAccuracy,
      goal: '100%',
      met: classifierAccuracy === 100,
    },
    // The regex gives no kind, verdict or reason.
    row('classifyName, distinct names', 'distinct', { min: 0.05 }),
    row('classifyName, repeated names (cached)', 'repeated', { min: 0.5 }),
  ];
}
