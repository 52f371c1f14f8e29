const {
  NODE_ENV = 'development',
  PORT = '8080',
  API_TOKEN = 'local-api-token', // expect: no-env-fallback
  GITHUB_CLIENT_ID = 'Iv1.local',
  GITHUB_CLIENT_SECRET = '', // expect-strict: no-env-fallback
  LOG_FORMAT = 'pretty',
} = process.env;

const { ADMIN_PASSWORD = 'admin' } = process.env; // expect: no-env-fallback
const { OPENAI_API_KEY } = process.env;

export const github = {
  clientId: GITHUB_CLIENT_ID,
  clientSecret: GITHUB_CLIENT_SECRET,
  apiToken: API_TOKEN,
};

export const runtime = { env: NODE_ENV, port: Number(PORT), logFormat: LOG_FORMAT };

export function openAiKey(): string {
  if (!OPENAI_API_KEY) throw new Error('OPENAI_API_KEY is required');
  return OPENAI_API_KEY;
}

export const admin = { password: ADMIN_PASSWORD };
