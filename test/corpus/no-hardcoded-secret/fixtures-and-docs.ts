export const ENV_TEMPLATE = {
  DATABASE_URL: 'postgres://user:password@localhost:5432/db',
  JWT_SECRET: '${JWT_SECRET}',
  API_KEY: 'your-api-key-here',
  STRIPE_SECRET_KEY: 'sk_test_...',
};

export const uuidNamespace = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
export const commitSha = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4';
export const iconSprite = 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=';
export const webhookSecretHeader = 'stripe-signature';
export const tokenizer = 'cl100k_base';

export const cases = [
  { label: 'lexer state', lastToken: 'Identifier' },
  { label: 'lexer state', lastToken: 'Punctuator' },
  { label: 'lexer state', lastToken: 'Keyword' },
];

export const sampleConfig = {
  apiKey: 'Tg5Hy6Uj7Ik8Ol9Pq0Aw1Se2', // expect: no-hardcoded-secret
  baseUrl: 'https://api.example.com',
};
