import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';

export async function createSession(token: string) {
  const store = await cookies();
  store.set('session', token); // expect: no-secret-in-client-storage
  store.set('session', token, { httpOnly: true, secure: true, sameSite: 'lax', path: '/' });
  store.set({ name: 'access_token', value: token, httpOnly: true, path: '/' }); // expect: no-secret-in-client-storage
  store.set('last_visit', new Date().toISOString());
}

export function middlewareResponse(token: string) {
  const response = NextResponse.next();
  response.cookies.set('__session', token, { secure: true }); // expect: no-secret-in-client-storage
  response.cookies.set('ab_bucket', 'b', { path: '/' });
  response.cookies.set({ name: 'jwt', value: token, httpOnly: true, secure: true, sameSite: 'strict' });
  return response;
}

export async function legacyCookieApi(sessionToken: string) {
  cookies().set('next-auth.session-token', sessionToken, { path: '/' }); // expect: no-secret-in-client-storage
}
