/**
 * The classifier's vocabulary. Every list says what role a word plays in a compound name; the
 * grammar in `classify.ts` reads names head-last, as English compounds are read
 * (`passwordPolicy` is a policy, `resetPasswordToken` is a token).
 */

/** The kinds of secret a name can hold. */
export type SecretKind =
  | 'password'
  | 'token'
  | 'api-key'
  | 'private-key'
  | 'client-secret'
  | 'credential'
  | 'connection-string'
  | 'session'
  | 'cookie'
  | 'signing-key'
  | 'authorization'
  | 'otp'
  | 'mnemonic'
  | 'secret';

/** Every `SecretKind`, in a stable order. */
export const SECRET_KINDS: readonly SecretKind[] = [
  'password',
  'token',
  'api-key',
  'private-key',
  'client-secret',
  'credential',
  'connection-string',
  'session',
  'cookie',
  'signing-key',
  'authorization',
  'otp',
  'mnemonic',
  'secret',
];

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Words that name a secret on their own. `pass` is a word only after splitting (`dbPass`, `SMTP_PASS`):
 * `bypass`, `compass`, `passenger` are other words. `pin` is a short password. */
export const SECRET_NOUNS: ReadonlyMap<string, SecretKind> = new Map<string, SecretKind>([
  ['password', 'password'],
  ['passwd', 'password'],
  ['pwd', 'password'],
  ['pw', 'password'],
  ['pass', 'password'],
  ['passphrase', 'password'],
  ['passcode', 'password'],
  ['pin', 'password'],
  ['secret', 'secret'],
  ['pepper', 'secret'],
  ['token', 'token'],
  ['jwt', 'token'],
  ['bearer', 'token'],
  ['credential', 'credential'],
  ['cred', 'credential'],
  ['dsn', 'connection-string'],
  ['cookie', 'cookie'],
  ['authorization', 'authorization'],
  ['otp', 'otp'],
  ['totp', 'otp'],
  ['hotp', 'otp'],
  ['mnemonic', 'mnemonic'],
  ['sessid', 'session'],
  ['phpsessid', 'session'],
  ['jsessionid', 'session'],
]);

/** A word before `key` that makes the key a secret (`apiKey`, `signingKey`), with the kind it gives. */
export const KEY_QUALIFIERS: ReadonlyMap<string, SecretKind> = new Map<string, SecretKind>([
  ...[
    'api',
    'app',
    'application',
    'access',
    'auth',
    'subscription',
    'account',
    'service',
    'license',
    'client',
    'consumer',
    'developer',
    'admin',
  ].map((w) => [w, 'api-key'] as const),
  // A vendor's key is its API key (`STRIPE_KEY`, `openaiKey`); their public keys say so (`publishableKey`).
  ...`stripe openai anthropic sendgrid twilio github gitlab slack mailgun mailchimp postmark resend algolia aws azure
    google gcp datadog sentry cloudflare vercel supabase paypal braintree shopify hubspot intercom zendesk openrouter
    groq mistral cohere huggingface replicate pinecone elevenlabs deepseek gemini`
    .split(/\s+/)
    .map((w) => [w, 'api-key'] as const),
  ...['private', 'priv', 'ssh', 'rsa', 'ec', 'ecdsa', 'ed25519', 'ssl', 'tls'].map((w) => [w, 'private-key'] as const),
  ...['signing', 'sign', 'hmac', 'jwt', 'webhook', 'mac', 'cookie'].map((w) => [w, 'signing-key'] as const),
  ['session', 'session'],
  // A deploy key grants push or deploy rights (GitHub deploy keys, Convex/Vercel deploy keys).
  ['deploy', 'credential'],
  ...[
    'secret',
    'master',
    'root',
    'encryption',
    'decryption',
    'encrypt',
    'decrypt',
    'encrypting',
    'decrypting',
    'enc',
    'crypto',
    'cipher',
    'aes',
    'data',
    'dek',
    'kek',
    'shared',
    'symmetric',
    'wrapping',
    'recovery',
  ].map((w) => [w, 'secret'] as const),
]);

/** A word before `secret` that says which kind of secret. */
export const SECRET_QUALIFIERS: ReadonlyMap<string, SecretKind> = new Map<string, SecretKind>([
  ...['client', 'app', 'application', 'consumer', 'oauth'].map((w) => [w, 'client-secret'] as const),
  ...['jwt', 'webhook', 'signing', 'hmac', 'cookie', 'signature', 'sign'].map((w) => [w, 'signing-key'] as const),
  ['session', 'session'],
  ...['otp', 'totp', 'mfa', 'fa'].map((w) => [w, 'otp'] as const),
]);

/** Words after which `url`, `uri` or `dsn` names a connection string with credentials in it. */
export const DATASTORE_WORDS =
  set(`database db redis mongo mongodb postgres postgresql pg psql mysql mariadb mssql sqlserver
  sql amqp amqps rabbitmq rabbit broker memcached cockroach cockroachdb neo4j couch couchdb clickhouse cassandra
  elasticsearch elastic opensearch nats kafka celery valkey dragonfly turso libsql`);

/** Words before `code` that make it a one-time or authorization code. */
export const CODE_QUALIFIERS: ReadonlyMap<string, SecretKind> = new Map<string, SecretKind>([
  ...['auth', 'authorization', 'oauth', 'grant'].map((w) => [w, 'token'] as const),
  ...[
    'otp',
    'totp',
    'mfa',
    'fa',
    'sms',
    'verification',
    'verify',
    'recovery',
    'backup',
    'security',
    'login',
    'magic',
    'reset',
  ].map((w) => [w, 'otp'] as const),
]);

/** Words before `token` that make it something else than a credential: pagination cursors,
 * a sales channel's public routing id (Vendure's `channelToken`, sent in a header by every
 * storefront), idempotency keys, cancellation and sentinel tokens (TanStack Query's `skipToken`), lexer and syntax tokens (`PlusToken`, `keywordToken`, TypeScript's SyntaxKind
 * names), design tokens, dependency-injection tokens, LLM token counts, pieces of a split path or search
 * text (`pathTokens`, `searchTokens`, `lowerToken`). */
export const NON_CREDENTIAL_TOKEN_QUALIFIERS =
  set(`page pagination next prev previous continuation cursor sync channel idempotency
  skip cancellation cancel abort lexer lex lexical syntax parse parser ast design theme color colour style css spacing
  font injection di prompt completion input output total max min num remaining used cached reasoning
  context word text sentence bpe keyword operator punctuation punctuator identifier literal eof whitespace newline
  comment trivia plus minus equals equal bar asterisk slash backslash less greater than question exclamation
  ampersand percent caret comma dot semicolon colon tilde hash at open close brace bracket paren template
  path segment search split lower upper acme`);

/**
 * Owners whose `.token` is theirs in the same sense (`ctx.channel.token` is `channelToken`, a sales
 * channel's public routing id; `response.page.token`): a narrower list than the qualifiers, since
 * generic owners (`input.token`, `result.token`) carry credentials.
 */
export const NON_CREDENTIAL_TOKEN_OWNERS = set(
  'channel page pagination cursor continuation cancellation lexer parser syntax design theme injection',
);

/**
 * Words before a secret noun that make the value public by design (`publicKey`, `publishableKey`;
 * `pkApiKey`: Stripe-style `pk_` publishable keys, whose secret sibling is `sk`).
 */
export const PUBLIC_WORDS = set('public publishable pk anon anonymous site');

/**
 * First words of environment variables that frameworks ship to the browser and that say so in their
 * name: the value is public by design. `VITE_` and `REACT_APP_` are shipped too, but their names do not
 * declare the value public and they are often misused for secrets, so they are classified by their words.
 */
export const CLIENT_ENV_PREFIXES: readonly (readonly string[])[] = [
  ['next', 'public'],
  ['nuxt', 'public'],
  ['expo', 'public'],
  ['public'],
];

/**
 * Prefixes of environment variables a build inlines into the browser bundle without the name saying
 * so (Vite, Create React App, Nx's React and public variables, Vue CLI, Gatsby). Their values are
 * served to every visitor wherever the app runs; a secret-named one in a settings file is mostly a
 * browser key (an analytics write key, a billing client key), so the name alone is medium evidence there.
 */
export const BUNDLED_ENV_PREFIXES: readonly string[] = [
  'VITE_',
  'REACT_APP_',
  'NX_REACT_APP_',
  'NX_PUBLIC_',
  'VUE_APP_',
  'GATSBY_',
];

/** First words that make a name a predicate or a check about a secret (`isTokenValid`, `hasPassword`). */
export const PREDICATE_PREFIXES = set(`is are has have had should can could needs need must will was were did does do
  allow allows require requires enable enables use uses show hide toggle validate check verify compare match matches
  ensure assert no without supports forgot forgotten lost detect detects looks look explain explains carries carry
  may might contains contain mentions describe describes scan scans missing`);

/** Words after a secret noun that describe it without holding it (`passwordPolicy`, `tokenExpiresAt`). */
export const METADATA_WORDS = set(`url uri endpoint href link route path file filename filepath dir directory folder
  location name names id ids identifier type types kind count length len size policy policies at time timestamp
  date expires expire expiry expiration exp ttl lifetime age duration version header headers field fields column
  col prefix suffix label format regex re pattern schema min max rule rules strength hint reset changed updated
  created issued rotated status state enabled required valid invalid validity error errors message msg placeholder
  input validator validation option options setting settings config configuration param params env var variable
  mode strategy scope scopes audience aud issuer iss algorithm alg usage limit limits budget index position offset
  start end range source usage claims claim payload decoded meta metadata info details description desc title
  key user username login email host hostname port region domain secure samesite http only parser cost rounds
  iterations attempts attempt tries retries strategy complexity requirement requirements entropy score
  visible visibility shown show toggle box modal dialog form screen page view component button tab
  prompt`);

/** Words after a secret noun that keep it a secret: containers, encodings, environments, versions. */
export const CARRIER_WORDS = set(`value val values raw plain plaintext clear cleartext str string data bytes buf buffer
  b64 base64 base64url hex pem der jwk json bin binary utf8 ascii base current new old next prev previous main primary
  secondary default fallback backup temp tmp live prod production dev development staging stage test testing local
  v list array arr map set pair pairs record records entry entries object obj result res response bundle copy
  again repeat retype literal here null undefined nil none empty optional maybe confirm confirmation verify pooled unpooled direct replica readonly`);

/**
 * Words that mark a protected form: hashed, encrypted, salted, nonces, masked, or a display form
 * (`displaySecretKey`, `tokenDisplay`, `truncatedToken`: a prefix and the last characters, kept for the
 * UI). Both before and after.
 */
export const PROTECTED_WORDS = set(`hash hashed hashes digest digested encrypted encrypt crypted ciphertext cipher
  ciphered sealed wrapped enc salt salted nonce iv hmac mac signature sig sha md bcrypt argon argon2 scrypt pbkdf
  pbkdf2 kdf derived redacted redact masked mask obfuscated obfuscate censored fingerprint checksum verifier display
  truncated`);

/** Conjunctions join alternatives or pairs: `secretOrKey`, `usernameAndPassword` name a secret when a side does. */
export const CONJUNCTIONS = set('or and');

/** Prepositions cut a name into its head phrase and a complement (`tokenForUser`, `hashOfPassword`). */
export const PREPOSITIONS = set('for of from by to in with per via');

/** Words that take the secret out of what a name holds (`bodyWithoutToken`, `rowExceptPassword`). */
export const EXCLUDING_WORDS = set('without except excluding sans minus');

/**
 * Whole words that must never be split into known parts (`passport` is not `pass` + `port`).
 * Only words missing from every list are split; see `compoundParts`.
 */
export const UNSPLITTABLE = set(`bypass compass encompass surpass trespass overpass underpass passage passenger passive
  passport passthrough impasse passing passes passed spinner spindle pinned pinning pinterest pinata tokenizer
  tokenize tokenized tokenization secretary secretariat keyboard keynote keystroke keystone keyword keywords monkey
  donkey turkey hockey jockey whiskey turnkey cookiecutter author authority authored credit credits sessions`);

/** Words worth recognising inside an unsplit word (`PGPASSWORD`, `apikey`, `dbpass`), beyond the role lists. */
export const COMPOUND_PARTS = set(`api app db user admin root new old current smtp mail email redis mongo pg mysql aws
  gh github npm stripe slack client consumer access refresh auth session private secret signing webhook encryption
  master id bearer oauth service account jwt key hmac reset connection conn string str sha ssl tls`);

/** Words before a secret noun that count it or bound it (`maxPasswordAge`, `numPasswords`). */
export const METADATA_PREFIXES = set('max min num number total count');

/** Tokens after `webhook` and `url` that name a chat webhook whose URL is itself the credential. */
export const WEBHOOK_URL_SERVICES = set('slack discord teams mattermost');

/** Words before `header` that make the header value a credential (`authorizationHeader`, `cookieHeader`). */
export const AUTH_HEADER_WORDS: ReadonlyMap<string, SecretKind> = new Map<string, SecretKind>([
  ['auth', 'authorization'],
  ['authorization', 'authorization'],
  ['cookie', 'cookie'],
]);

/** Words before `auth` that make it a user:password pair (`basicAuth`). */
export const CREDENTIAL_AUTH_WORDS = set('basic http proxy');

/** Words before `answer` that make it the answer to a security question: a credential (`secretAnswer`). */
export const ANSWER_QUALIFIERS = set('secret security recovery');

/** Words before `phrase` or `words` that make a wallet recovery phrase (`seedPhrase`). */
export const MNEMONIC_WORDS = set('seed recovery mnemonic');
