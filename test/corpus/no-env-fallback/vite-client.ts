export const apiBaseUrl = import.meta.env.VITE_API_BASE_URL ?? 'http://localhost:8080';
export const mapsKey = import.meta.env.VITE_GOOGLE_MAPS_PUBLIC_KEY ?? '';
export const analyticsId = import.meta.env.VITE_ANALYTICS_ID || 'UA-000000-0';
export const adminApiKey = import.meta.env.VITE_ADMIN_API_KEY || 'local-admin-key'; // expect: no-env-fallback

export const denoToken = Deno.env.get('DENO_DEPLOY_TOKEN') ?? 'dev-deploy-token'; // expect: no-env-fallback
export const bunSecret = Bun.env.SIGNING_SECRET || 'bun-dev-signing'; // expect: no-env-fallback
export const bunPort = Number(Bun.env.PORT ?? 3000);

declare const Deno: { env: { get(name: string): string | undefined } };
declare const Bun: { env: Record<string, string | undefined> };
