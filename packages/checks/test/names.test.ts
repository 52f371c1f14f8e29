import { describe, expect, it } from 'vitest';
import { classifyName, isSecretName, splitPath, splitWords, type NameVerdict, type SecretKind } from '../src/index.js';

/** name -> expected verdict (and kind for secrets, protected forms and metadata when it matters). */
type Case = readonly [name: string, verdict: NameVerdict, kind?: SecretKind];

const secrets: Case[] = [
  ['password', 'secret', 'password'],
  ['passwd', 'secret', 'password'],
  ['pwd', 'secret', 'password'],
  ['userPassword', 'secret', 'password'],
  ['db_password', 'secret', 'password'],
  ['passwordValue', 'secret', 'password'],
  ['newPassword', 'secret', 'password'],
  ['confirmPassword', 'secret', 'password'],
  ['oldPassword', 'secret', 'password'],
  ['currentPassword', 'secret', 'password'],
  ['password_confirmation', 'secret', 'password'],
  ['password2', 'secret', 'password'],
  ['passwordPlain', 'secret', 'password'],
  ['plainPassword', 'secret', 'password'],
  ['adminPass', 'secret', 'password'],
  ['SMTP_PASS', 'secret', 'password'],
  ['dbPwd', 'secret', 'password'],
  ['passphrase', 'secret', 'password'],
  ['privateKeyPassphrase', 'secret', 'password'],
  ['passcode', 'secret', 'password'],
  ['pin', 'secret', 'password'],
  ['userPin', 'secret', 'password'],
  ['PGPASSWORD', 'secret', 'password'],
  ['MYSQL_ROOT_PASSWORD', 'secret', 'password'],
  ['POSTGRES_PASSWORD', 'secret', 'password'],
  ['resetPassword', 'secret', 'password'],
  ['token', 'secret', 'token'],
  ['tokens', 'secret', 'token'],
  ['accessToken', 'secret', 'token'],
  ['access_token', 'secret', 'token'],
  ['refreshToken', 'secret', 'token'],
  ['idToken', 'secret', 'token'],
  ['authToken', 'secret', 'token'],
  ['bearerToken', 'secret', 'token'],
  ['bearer', 'secret', 'token'],
  ['jwt', 'secret', 'token'],
  ['JWT', 'secret', 'token'],
  ['jwtToken', 'secret', 'token'],
  ['passwordResetToken', 'secret', 'token'],
  ['resetPasswordToken', 'secret', 'token'],
  ['verificationToken', 'secret', 'token'],
  ['csrfToken', 'secret', 'token'],
  ['GITHUB_TOKEN', 'secret', 'token'],
  ['NPM_TOKEN', 'secret', 'token'],
  ['githubToken', 'secret', 'token'],
  ['tokenForUser', 'secret', 'token'],
  ['accessTokens', 'secret', 'token'],
  ['tokenValue', 'secret', 'token'],
  ['rawToken', 'secret', 'token'],
  ['token.value', 'secret', 'token'],
  ['apiKey', 'secret', 'api-key'],
  ['api_key', 'secret', 'api-key'],
  ['API_KEY', 'secret', 'api-key'],
  ['apikey', 'secret', 'api-key'],
  ['APIKey', 'secret', 'api-key'],
  ['apiKeyV2', 'secret', 'api-key'],
  ['OPENAI_API_KEY', 'secret', 'api-key'],
  ['stripeApiKey', 'secret', 'api-key'],
  ['accessKey', 'secret', 'api-key'],
  ['secretAccessKey', 'secret', 'api-key'],
  ['AWS_SECRET_ACCESS_KEY', 'secret', 'api-key'],
  ['subscriptionKey', 'secret', 'api-key'],
  ['api.key', 'secret', 'api-key'],
  ['privateKey', 'secret', 'private-key'],
  ['private_key', 'secret', 'private-key'],
  ['PRIVATE_KEY', 'secret', 'private-key'],
  ['privateKeyPem', 'secret', 'private-key'],
  ['sshKey', 'secret', 'private-key'],
  ['privKey', 'secret', 'private-key'],
  ['clientSecret', 'secret', 'client-secret'],
  ['client_secret', 'secret', 'client-secret'],
  ['OAUTH_CLIENT_SECRET', 'secret', 'client-secret'],
  ['appSecret', 'secret', 'client-secret'],
  ['consumerSecret', 'secret', 'client-secret'],
  ['credential', 'secret', 'credential'],
  ['credentials', 'secret', 'credential'],
  ['creds', 'secret', 'credential'],
  ['dbCredentials', 'secret', 'credential'],
  ['basicAuth', 'secret', 'credential'],
  ['credentialsForDb', 'secret', 'credential'],
  ['connectionString', 'secret', 'connection-string'],
  ['connection_string', 'secret', 'connection-string'],
  ['connStr', 'secret', 'connection-string'],
  ['dsn', 'secret', 'connection-string'],
  ['DATABASE_URL', 'secret', 'connection-string'],
  ['databaseUrl', 'secret', 'connection-string'],
  ['db_url', 'secret', 'connection-string'],
  ['REDIS_URL', 'secret', 'connection-string'],
  ['mongo_uri', 'secret', 'connection-string'],
  ['MONGODB_URI', 'secret', 'connection-string'],
  ['postgresUrl', 'secret', 'connection-string'],
  ['AMQP_URL', 'secret', 'connection-string'],
  ['config.db.url', 'secret', 'connection-string'],
  ['sessionId', 'secret', 'session'],
  ['session_id', 'secret', 'session'],
  ['sessionToken', 'secret', 'session'],
  ['session_token', 'secret', 'session'],
  ['sessionSecret', 'secret', 'session'],
  ['SESSION_SECRET', 'secret', 'session'],
  ['sessionKey', 'secret', 'session'],
  ['req.session.id', 'secret', 'session'],
  ['PHPSESSID', 'secret', 'session'],
  ['cookie', 'secret', 'cookie'],
  ['cookies', 'secret', 'cookie'],
  ['sessionCookie', 'secret', 'cookie'],
  ['authCookie', 'secret', 'cookie'],
  ['deployKey', 'secret', 'credential'],
  ['DEPLOY_KEY', 'secret', 'credential'],
  ['deployKeyId', 'metadata', 'credential'],
  ['signingKey', 'secret', 'signing-key'],
  ['signing_key', 'secret', 'signing-key'],
  ['hmacKey', 'secret', 'signing-key'],
  ['hmacSecret', 'secret', 'signing-key'],
  ['webhookSecret', 'secret', 'signing-key'],
  ['jwtSecret', 'secret', 'signing-key'],
  ['JWT_SECRET', 'secret', 'signing-key'],
  ['cookieSecret', 'secret', 'signing-key'],
  ['jwt.secret', 'secret', 'signing-key'],
  ['jwtKey', 'secret', 'signing-key'],
  ['tokenHmacKey', 'secret', 'signing-key'],
  ['TOKEN_KEY', 'secret', 'secret'],
  ['passwordKey', 'secret', 'secret'],
  ['authorization', 'secret', 'authorization'],
  ['Authorization', 'secret', 'authorization'],
  ['authorizationHeader', 'secret', 'authorization'],
  ['authHeader', 'secret', 'authorization'],
  ['otp', 'secret', 'otp'],
  ['totp', 'secret', 'otp'],
  ['otpCode', 'secret', 'otp'],
  ['mfaCode', 'secret', 'otp'],
  ['verificationCode', 'secret', 'otp'],
  ['oneTimePassword', 'secret', 'otp'],
  ['totpSecret', 'secret', 'otp'],
  ['recoveryCodes', 'secret', 'otp'],
  ['authCode', 'secret', 'token'],
  ['authorizationCode', 'secret', 'token'],
  // security-question answers log a user in; recovery and backup codes stand in for the second factor
  ['secret_answer', 'secret', 'credential'],
  ['security_answer', 'secret', 'credential'],
  ['securityAnswer', 'secret', 'credential'],
  ['recovery_answer', 'secret', 'credential'],
  ['securityAnswers', 'secret', 'credential'],
  ['SECRET_ANSWER', 'secret', 'credential'],
  ['recoveryCode', 'secret', 'otp'],
  ['backup_codes', 'secret', 'otp'],
  ['backupCodes', 'secret', 'otp'],
  // an envelope data key in plaintext is the key that encrypts the data
  ['plaintextDataKey', 'secret', 'secret'],
  ['DATA_KEY', 'secret', 'secret'],
  ['mnemonic', 'secret', 'mnemonic'],
  ['seedPhrase', 'secret', 'mnemonic'],
  ['recovery_phrase', 'secret', 'mnemonic'],
  ['secret', 'secret', 'secret'],
  ['secrets', 'secret', 'secret'],
  ['secretKey', 'secret', 'secret'],
  ['SECRET_KEY', 'secret', 'secret'],
  ['STRIPE_SECRET_KEY', 'secret', 'secret'],
  ['SECRET_KEY_BASE', 'secret', 'secret'],
  ['encryptionKey', 'secret', 'secret'],
  ['ENCRYPTION_KEY', 'secret', 'secret'],
  ['masterKey', 'secret', 'secret'],
  ['encKey', 'secret', 'secret'],
  ['dataKey', 'secret', 'secret'],
  ['aesKey', 'secret', 'secret'],
  ['NEXTAUTH_SECRET', 'secret', 'secret'],
  ['AUTH_SECRET', 'secret', 'secret'],
  ['pepper', 'secret', 'secret'],
  ['SLACK_WEBHOOK_URL', 'secret', 'token'],
  ['secretOrKey', 'secret', 'secret'],
  ['secretOrPrivateKey', 'secret', 'secret'],
  ['usernameAndPassword', 'secret', 'password'],
  ['cookieHeader', 'secret', 'cookie'],
  ['recoveryKey', 'secret', 'secret'],
  ['encrypt_key', 'secret', 'secret'],
  ['credentialsJson', 'secret', 'credential'],
  ['resetCode', 'secret', 'otp'],
  ['keyPassword', 'secret', 'password'],
  ['privateKeyJwk', 'secret', 'private-key'],
  ['dataKeyPlaintext', 'secret', 'secret'],
];

const dotted: Case[] = [
  ['config.db.password', 'secret', 'password'],
  ['db.password', 'secret', 'password'],
  ['user.password', 'secret', 'password'],
  ['process.env.GITHUB_TOKEN', 'secret', 'token'],
  ['req.headers.authorization', 'secret', 'authorization'],
  ["req.headers['x-api-key']", 'secret', 'api-key'],
  ['headers.cookie', 'secret', 'cookie'],
  ['user?.token', 'secret', 'token'],
  ['password.length', 'metadata', 'password'],
  ['token.type', 'metadata', 'token'],
  ['user.passwordHash', 'protected', 'password'],
  ['password.hash', 'protected', 'password'],
  ['user.name', 'none'],
  ['user.id', 'none'],
  ['config.key', 'none'],
  ['account.passwordHash.length', 'metadata', 'password'],
  ['token.value.length', 'metadata', 'token'],
  ['process.env.NODE_ENV', 'none'],
  ['process.env.PWD', 'none'],
  ['stripe.key', 'secret', 'api-key'],
];

const headers: Case[] = [
  ['authorization', 'secret', 'authorization'],
  ['proxy-authorization', 'secret', 'authorization'],
  ['x-api-key', 'secret', 'api-key'],
  ['X-API-Key', 'secret', 'api-key'],
  ['x-goog-api-key', 'secret', 'api-key'],
  ['cookie', 'secret', 'cookie'],
  ['set-cookie', 'secret', 'cookie'],
  ['x-auth-token', 'secret', 'token'],
  ['x-csrf-token', 'secret', 'token'],
  ['x-amz-security-token', 'secret', 'token'],
  ['content-type', 'none'],
  ['x-request-id', 'none'],
  ['accept', 'none'],
  ['user-agent', 'none'],
  ['www-authenticate', 'none'],
  ['x-hub-signature-256', 'none'],
  ['x-forwarded-for', 'none'],
];

const envVars: Case[] = [
  ['NODE_ENV', 'none'],
  ['PORT', 'none'],
  ['LOG_LEVEL', 'none'],
  ['HOST', 'none'],
  ['DB_HOST', 'none'],
  ['DATABASE_NAME', 'none'],
  ['PUBLIC_KEY', 'none'],
  ['NEXT_PUBLIC_API_KEY', 'none'],
  ['NEXT_PUBLIC_STRIPE_KEY', 'none'],
  ['NEXT_PUBLIC_SECRET', 'none'],
  ['VITE_API_KEY', 'secret', 'api-key'],
  ['EXPO_PUBLIC_API_KEY', 'none'],
  ['STRIPE_PUBLISHABLE_KEY', 'none'],
  ['SUPABASE_ANON_KEY', 'none'],
  ['RECAPTCHA_SITE_KEY', 'none'],
  ['SENTRY_DSN', 'none'],
  ['PWD', 'none'],
  ['TOKEN_TTL', 'metadata', 'token'],
  ['JWT_EXPIRES_IN', 'metadata', 'token'],
  ['AWS_ACCESS_KEY_ID', 'metadata', 'api-key'],
  ['GOOGLE_API_KEY', 'secret', 'api-key'],
  ['ANTHROPIC_API_KEY', 'secret', 'api-key'],
  ['RECAPTCHA_SECRET_KEY', 'secret', 'secret'],
  ['MAIL_PASSWORD', 'secret', 'password'],
  ['DATABASE_URL_POOLED', 'secret', 'connection-string'],
];

const metadata: Case[] = [
  ['passwordPolicy', 'metadata', 'password'],
  ['passwordResetAt', 'metadata', 'password'],
  ['tokenCount', 'metadata', 'token'],
  ['secretName', 'metadata', 'secret'],
  ['isTokenValid', 'metadata', 'token'],
  ['hasPassword', 'metadata', 'password'],
  ['tokenType', 'metadata', 'token'],
  ['tokenExpiresAt', 'metadata', 'token'],
  ['tokenUsage', 'metadata', 'token'],
  ['passwordField', 'metadata', 'password'],
  ['resetPasswordUrl', 'metadata', 'password'],
  ['tokenUrl', 'metadata', 'token'],
  ['token_endpoint', 'metadata', 'token'],
  ['passwordLength', 'metadata', 'password'],
  ['minPasswordLength', 'metadata', 'password'],
  ['passwordMinLength', 'metadata', 'password'],
  ['passwordStrength', 'metadata', 'password'],
  ['passwordHint', 'metadata', 'password'],
  ['passwordChangedAt', 'metadata', 'password'],
  ['passwordUpdatedAt', 'metadata', 'password'],
  ['passwordRegex', 'metadata', 'password'],
  ['passwordPattern', 'metadata', 'password'],
  ['passwordRules', 'metadata', 'password'],
  ['passwordError', 'metadata', 'password'],
  ['passwordInput', 'metadata', 'password'],
  ['passwordPlaceholder', 'metadata', 'password'],
  ['passwordLabel', 'metadata', 'password'],
  ['passwordRequired', 'metadata', 'password'],
  ['passwordStatus', 'metadata', 'password'],
  ['passwordVisible', 'metadata', 'password'],
  ['showPassword', 'metadata', 'password'],
  ['forgotPassword', 'metadata', 'password'],
  ['validatePassword', 'metadata', 'password'],
  ['checkToken', 'metadata', 'token'],
  ['verifyPassword', 'metadata', 'password'],
  ['shouldRefreshToken', 'metadata', 'token'],
  ['canRotateSecret', 'metadata', 'secret'],
  ['needsPassword', 'metadata', 'password'],
  ['isSecret', 'metadata', 'secret'],
  ['tokenExpiry', 'metadata', 'token'],
  ['tokenTtl', 'metadata', 'token'],
  ['tokenVersion', 'metadata', 'token'],
  ['tokenPrefix', 'metadata', 'token'],
  ['tokenLength', 'metadata', 'token'],
  ['tokenKeyVersion', 'metadata', 'secret'],
  ['apiKeyId', 'metadata', 'api-key'],
  ['apiKeyName', 'metadata', 'api-key'],
  ['privateKeyPath', 'metadata', 'private-key'],
  ['privateKeyFile', 'metadata', 'private-key'],
  ['private_key_id', 'metadata', 'private-key'],
  ['secretArn', 'none'],
  ['secretPath', 'metadata', 'secret'],
  ['cookieName', 'metadata', 'cookie'],
  ['cookieOptions', 'metadata', 'cookie'],
  ['cookieMaxAge', 'metadata', 'cookie'],
  ['cookieDomain', 'metadata', 'cookie'],
  ['sessionIdLength', 'metadata', 'session'],
  ['credentialId', 'metadata', 'credential'],
  ['jwtPayload', 'metadata', 'token'],
  ['jwtClaims', 'metadata', 'token'],
  ['jwtAlgorithm', 'metadata', 'token'],
  ['numPasswords', 'metadata', 'password'],
  ['countOfTokens', 'metadata', 'token'],
  ['passwordResetExpiresAt', 'metadata', 'password'],
  ['tokenIssuedAt', 'metadata', 'token'],
  ['tokenScopes', 'metadata', 'token'],
];

const protectedForms: Case[] = [
  ['passwordHash', 'protected', 'password'],
  ['password_hash', 'protected', 'password'],
  ['password_digest', 'protected', 'password'],
  ['hashedPassword', 'protected', 'password'],
  ['encryptedToken', 'protected', 'token'],
  // A display form kept for a settings page: a prefix and the last characters.
  ['remoteExperimentDisplaySecretKey', 'protected', 'secret'],
  ['mixpanelProjectTokenDisplay', 'protected', 'token'],
  ['truncatedApiKey', 'protected', 'api-key'],
  ['apiKeyCiphertext', 'protected', 'api-key'],
  ['token_nonce', 'protected', 'token'],
  ['passwordSalt', 'protected', 'password'],
  ['tokenIv', 'protected', 'token'],
  ['password_sha256', 'protected', 'password'],
  ['tokenSha256', 'protected', 'token'],
  ['apiKeyHash', 'protected', 'api-key'],
  ['hmacOfToken', 'protected', 'token'],
  ['hashOfPassword', 'protected', 'password'],
  ['encPassword', 'protected', 'password'],
  ['cipherToken', 'protected', 'token'],
  ['encryptedApiKey', 'protected', 'api-key'],
  ['encrypted_client_secret', 'protected', 'client-secret'],
  ['maskedToken', 'protected', 'token'],
  ['redactedPassword', 'protected', 'password'],
  ['tokenDigest', 'protected', 'token'],
  ['secretHash', 'protected', 'secret'],
  ['refreshTokenHash', 'protected', 'token'],
  ['passwordBcrypt', 'protected', 'password'],
  ['saltedPassword', 'protected', 'password'],
  ['sessionTokenHash', 'protected', 'session'],
  ['tokenHmac', 'protected', 'token'],
  ['wrappedKey', 'none'],
  ['passwordHashAlgorithm', 'protected', 'password'],
  ['encryptedDataKey', 'protected', 'secret'],
  ['tokenHashes', 'protected', 'token'],
  ['hashPassword', 'protected', 'password'],
];

const notSecrets: Case[] = [
  ['tokenizer', 'none'],
  ['tokenize', 'none'],
  ['maxTokens', 'none'],
  ['max_tokens', 'none'],
  ['promptTokens', 'none'],
  ['completionTokens', 'none'],
  ['totalTokens', 'none'],
  ['nextPageToken', 'none'],
  ['pageToken', 'none'],
  ['channelToken', 'none'],
  ['ctx.channel.token', 'none'],
  ['response.nextPage.token', 'none'],
  ['input.token', 'secret'],
  ['user.token', 'secret'],
  ['channel.accessToken', 'secret'],
  ['activeChannelToken', 'none'],
  ['idempotencyToken', 'none'],
  ['channelAccessToken', 'secret'],
  ['channelSecret', 'secret'],
  ['skipToken', 'none'],
  ['cancellationToken', 'none'],
  ['continuationToken', 'none'],
  ['designTokens', 'none'],
  ['InjectionToken', 'none'],
  ['keyId', 'none'],
  ['keyVersion', 'none'],
  ['publicKey', 'none'],
  ['public_key', 'none'],
  ['publishableKey', 'none'],
  ['pkApiKey', 'none'],
  ['PK_API_KEY', 'none'],
  ['skApiKey', 'secret'],
  ['csrfHeaderName', 'none'],
  ['key', 'none'],
  ['cacheKey', 'none'],
  ['primaryKey', 'none'],
  ['foreignKey', 'none'],
  ['keyboard', 'none'],
  ['monkey', 'none'],
  ['idempotencyKey', 'none'],
  ['partitionKey', 'none'],
  ['sortKey', 'none'],
  ['objectKey', 'none'],
  ['keys', 'none'],
  ['auth', 'none'],
  ['authMiddleware', 'none'],
  ['authorName', 'none'],
  ['author', 'none'],
  ['authority', 'none'],
  ['passenger', 'none'],
  ['compass', 'none'],
  ['bypass', 'none'],
  ['passport', 'none'],
  ['passThrough', 'none'],
  ['passive', 'none'],
  ['secretary', 'none'],
  ['session', 'none'],
  ['sessions', 'none'],
  ['sessionStore', 'none'],
  ['passwordManager', 'none'],
  ['tokenStore', 'none'],
  ['tokenService', 'none'],
  ['secretsManager', 'none'],
  ['credentialsProvider', 'none'],
  ['cookieParser', 'metadata', 'cookie'],
  ['spinner', 'none'],
  ['pinned', 'none'],
  ['userName', 'none'],
  ['username', 'none'],
  ['email', 'none'],
  ['code', 'none'],
  ['hash', 'none'],
  ['salt', 'none'],
  ['nonce', 'none'],
  ['iv', 'none'],
  ['signature', 'none'],
  ['certificate', 'none'],
  ['userId', 'none'],
  ['requestId', 'none'],
  ['url', 'none'],
  ['apiUrl', 'none'],
  ['baseUrl', 'none'],
  ['sentryDsn', 'none'],
  ['clientId', 'none'],
  ['jwksUri', 'none'],
  ['kmsKeyId', 'none'],
  ['sessionData', 'none'],
  ['passwordless', 'none'],
  ['saltRounds', 'none'],
  ['keyPair', 'none'],
  ['keystore', 'none'],
  ['cookieJar', 'none'],
  ['secretOrKeyProvider', 'none'],
  ['tokenOrUndefined', 'secret', 'token'],
  ['userOrNull', 'none'],
  ['PlusToken', 'none'],
  ['EqualsEqualsToken', 'none'],
  ['keywordToken', 'none'],
  // Pieces of a split path or search text; a token read from a query string or a path parameter stays a token.
  ['pathTokens', 'none'],
  ['searchTokens', 'none'],
  ['lowerToken', 'none'],
  ['queryToken', 'secret', 'token'],
  // ACME http-01 challenge tokens are served to anyone; a token merely beside a config is still one.
  ['acmeToken', 'none'],
  ['config.letsencrypt.challenge.token', 'none'],
  ['config.acme.token', 'none'],
  ['config.github.token', 'secret', 'token'],
  ['urlToken', 'secret', 'token'],
  ['operatorToken', 'none'],
  ['dotDotDotToken', 'none'],
  ['passes', 'none'],
  ['detectSecretLiteral', 'metadata', 'secret'],
  ['looksLikeSecretValue', 'metadata', 'secret'],
  ['containsPassword', 'metadata', 'password'],
  ['stripeKey', 'secret', 'api-key'],
  ['OPENAI_KEY', 'secret', 'api-key'],
  ['sslkey', 'secret', 'private-key'],
  ['sslpassword', 'secret', 'password'],
  ['tlsKey', 'secret', 'private-key'],
  ['encryptingKey', 'secret', 'secret'],
  ['sessionid', 'secret', 'session'],
  ['userid', 'none'],
  ['stripePublishableKey', 'none'],
  ['GOOGLE_MAPS_KEY', 'none'],
  ['', 'none'],
  ['$', 'none'],
  ['_', 'none'],
  ['x', 'none'],
  ['userByToken', 'metadata', 'token'],
  ['bodyWithoutToken', 'none'],
  ['userWithoutPassword', 'none'],
  ['configExceptSecrets', 'none'],
  ['tokenWithoutPrefix', 'secret', 'token'],
];

// Look-alikes of the cases above: answers to other questions, the field names of a record's data.
const lookAlikes: Case[] = [
  ['answer', 'none'],
  ['correctAnswer', 'none'],
  ['answerCount', 'none'],
  ['foo.headerHmacKey', 'secret', 'signing-key'],
  ['foo.userSaltHmacKey', 'protected', 'signing-key'],
  ['conflictedCustomDataKeys', 'none'],
  ['customDataKeys', 'none'],
  ['dataKeys', 'none'],
  ['data_keys', 'none'],
  ['secretAnswerHash', 'protected', 'credential'],
];

const allCases: Case[] = [
  ...secrets,
  ...dotted,
  ...headers,
  ...envVars,
  ...metadata,
  ...protectedForms,
  ...notSecrets,
  ...lookAlikes,
];

describe('classifyName: named cases', () => {
  it('has at least 200 named cases, each name once', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(200);
    const seen = new Map<string, Case>();
    for (const c of allCases) {
      const before = seen.get(c[0]);
      if (before) expect(before).toEqual(c);
      seen.set(c[0], c);
    }
  });

  it.each(allCases)('%s -> %s %s', (name, verdict, kind) => {
    const c = classifyName(name);
    expect({ verdict: c.verdict, kind: kind === undefined ? undefined : c.kind }).toEqual({ verdict, kind });
    expect(c.isSecret).toBe(verdict === 'secret');
    expect(isSecretName(name)).toBe(verdict === 'secret');
    expect(c.reason.length).toBeGreaterThan(0);
  });
});

describe('classifyName: explanations', () => {
  it('says which words decided a secret', () => {
    const c = classifyName('stripeApiKey');
    expect(c.matched).toEqual(['api', 'key']);
    expect(c.words).toEqual(['stripe', 'api', 'key']);
    expect(c.reason).toBe('"api key" names an api-key');
  });

  it('names the word that makes a name metadata or protected', () => {
    expect(classifyName('passwordPolicy').matched).toContain('policy');
    expect(classifyName('passwordPolicy').reason).toContain('"policy"');
    expect(classifyName('hashedPassword').matched).toEqual(['hashed', 'password']);
    expect(classifyName('isTokenValid').reason).toContain('"is"');
  });

  it('explains why a look-alike is not a secret', () => {
    expect(classifyName('cacheKey').reason).toContain('"key" alone');
    expect(classifyName('session').reason).toContain('session object');
    expect(classifyName('nextPageToken').reason).toContain('not a credential');
    expect(classifyName('NEXT_PUBLIC_API_KEY').reason).toContain('browser');
    expect(classifyName('publicKey').reason).toContain('public');
    expect(classifyName('userName').reason).toBe('no secret word');
  });

  it('returns the same frozen object for the same name', () => {
    const first = classifyName('dbPassword');
    expect(classifyName('dbPassword')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });
});

describe('classifyName: options', () => {
  it('adds extra secret words, also as camelCase phrases', () => {
    expect(classifyName('licenseCode').verdict).toBe('none');
    expect(classifyName('licenseCode', { extraSecretWords: ['licenseCode'] }).verdict).toBe('secret');
    expect(classifyName('LICENSE_CODE', { extraSecretWords: ['licenseCode'] }).verdict).toBe('secret');
    expect(classifyName('vaultUnsealShard', { extraSecretWords: ['shard'] })).toMatchObject({
      verdict: 'secret',
      kind: 'secret',
    });
    expect(classifyName('shardCount', { extraSecretWords: ['shard'] }).verdict).toBe('metadata');
    expect(classifyName('verify_token').verdict).toBe('metadata');
    expect(classifyName('verify_token', { extraSecretWords: ['verifyToken'] }).verdict).toBe('secret');
  });

  it('ignores whole names and single words', () => {
    expect(classifyName('csrfToken', { ignoredNames: ['csrfToken'] })).toMatchObject({
      verdict: 'none',
      reason: 'ignored by configuration',
    });
    expect(classifyName('CSRF_TOKEN', { ignoredNames: ['csrfToken'] }).verdict).toBe('none');
    expect(classifyName('form.csrf_token', { ignoredNames: ['csrfToken'] }).verdict).toBe('none');
    expect(classifyName('pin', { ignoredNames: ['pin'] }).verdict).toBe('none');
    expect(classifyName('userPin', { ignoredNames: ['pin'] }).verdict).toBe('none');
    expect(classifyName('userPassword', { ignoredNames: ['pin'] }).verdict).toBe('secret');
  });

  it('keeps separate caches per options object', () => {
    const options = { extraSecretWords: ['shard'] };
    expect(classifyName('shard', options).isSecret).toBe(true);
    expect(classifyName('shard').isSecret).toBe(false);
    expect(classifyName('shard', {}).isSecret).toBe(false);
  });
});

describe('splitWords and splitPath', () => {
  it.each([
    ['camelCaseName', ['camel', 'case', 'name']],
    ['PascalCaseName', ['pascal', 'case', 'name']],
    ['snake_case_name', ['snake', 'case', 'name']],
    ['SCREAMING_SNAKE', ['screaming', 'snake']],
    ['kebab-case', ['kebab', 'case']],
    ['APIKey', ['api', 'key']],
    ['parseJSONResponse', ['parse', 'json', 'response']],
    ['sha256Hash', ['sha256', 'hash']],
    ['oauth2Token', ['oauth2', 'token']],
    ['APIKeyV2', ['api', 'key', 'v2']],
    ['A2BCd', ['a2', 'b', 'cd']],
    ['__proto__', ['proto']],
    ['', []],
  ])('%s', (name, words) => {
    expect(splitWords(name)).toEqual(words);
  });

  it('returns a fresh array each time (the cache is not shared with callers)', () => {
    const a = splitWords('fooBar');
    a.push('mutated');
    expect(splitWords('fooBar')).toEqual(['foo', 'bar']);
  });

  it('splits property paths, brackets and optional chains', () => {
    expect(splitPath('config.db.password')).toEqual(['config', 'db', 'password']);
    expect(splitPath("req.headers['x-api-key']")).toEqual(['req', 'headers', 'x-api-key']);
    expect(splitPath('user?.token')).toEqual(['user', 'token']);
  });
});
