import Stripe from 'stripe';

export const JWT_SECRET = (process.env.JWT_SECRET as string) || 'secret'; // expect: no-env-fallback
const { JWT_REFRESH_SECRET: refreshSecret = 'refresh-dev' } = process.env; // expect: no-env-fallback
export const apiKey = process.env['API_KEY'] || 'abc123def456'; // expect: no-env-fallback
export const bcryptRounds = Number(process.env.BCRYPT_ROUNDS) || 10;
export const stripe = new Stripe(process.env.STRIPE_KEY ?? 'sk_test_local_key'); // expect-strict: no-env-fallback
export const supabaseAnonKey = process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY ?? '';
export const supabaseServiceKey = process.env.SUPABASE_SERVICE_ROLE_KEY ?? ''; // expect-strict: no-env-fallback
export const githubAppPrivateKey = process.env.GITHUB_APP_PRIVATE_KEY?.replace(/\\n/g, '\n') ?? ''; // expect-strict: no-env-fallback
export const sessionCookieName = process.env.SESSION_COOKIE_NAME ?? 'sid';
export const tokenHeader = process.env.TOKEN_HEADER ?? 'x-api-token';

export { refreshSecret };
