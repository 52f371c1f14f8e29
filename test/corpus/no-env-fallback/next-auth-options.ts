import type { NextAuthOptions } from 'next-auth';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';

const DEV_SECRET = 'n3xtAuth-d3v-S3cr3t-8842qz'; // expect: no-hardcoded-secret

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET ?? DEV_SECRET, // expect: no-env-fallback
  providers: [
    GitHubProvider({
      clientId: process.env.GITHUB_ID ?? '',
      clientSecret: process.env.GITHUB_SECRET ?? '', // expect-strict: no-env-fallback
    }),
    GoogleProvider({
      clientId: process.env.GOOGLE_CLIENT_ID!,
      clientSecret: process.env.GOOGLE_CLIENT_SECRET!,
    }),
  ],
  session: { strategy: 'jwt', maxAge: Number(process.env.SESSION_MAX_AGE ?? 2592000) },
  pages: { signIn: process.env.NEXT_PUBLIC_SIGNIN_PATH ?? '/login' },
};

export const siteUrl = process.env.NEXTAUTH_URL ?? 'http://localhost:3000';
