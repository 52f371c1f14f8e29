// Names per second for `classifyName`, against the one-regex test CodeQL-style heuristics use,
// measured in the same run over the same names. Run with `npm run bench -- checks` (after `tsc -b`).
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

function perSecond(list, fn) {
  let sink = 0;
  const start = process.hrtime.bigint();
  for (const n of list) if (fn(n)) sink++;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { rate: list.length / seconds, sink };
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

export async function run() {
  const warmup = names(20_000);
  for (const n of warmup) classifyName(n);
  const cold = names(200_000).map((n) => `${n}x`);
  const regex = perSecond(cold, (n) => codeqlLike.test(n));
  const classifier = perSecond(cold, (n) => classifyName(n).isSecret);
  // Real programs repeat names: the same 200 identifiers over and over.
  const warm = Array.from({ length: 200_000 }, (_, i) => BASE[i % BASE.length]);
  const warmRegex = perSecond(warm, (n) => codeqlLike.test(n));
  const warmClassifier = perSecond(warm, (n) => classifyName(n).isSecret);
  const row = (name, measured, baseline, goal) => ({
    name,
    value: measured.rate,
    unit: 'names/s',
    baseline: { name: 'one CodeQL-style regex', value: baseline.rate },
    ratio: measured.rate / baseline.rate,
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
    },
    row(
      'classifyName, distinct names',
      classifier,
      regex,
      '>= 0.05x the regex (which gives no kind, verdict or reason)',
    ),
    row('classifyName, repeated names (cached)', warmClassifier, warmRegex, '>= 0.5x the regex'),
  ];
}
