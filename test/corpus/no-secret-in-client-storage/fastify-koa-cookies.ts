import type { FastifyReply } from 'fastify';
import type { Context } from 'koa';
import cookie from 'cookie';

export function fastifyLogin(reply: FastifyReply, sessionToken: string) {
  reply.setCookie('session_token', sessionToken, { path: '/', secure: true }); // expect: no-secret-in-client-storage
  reply.setCookie('session_token', sessionToken, { path: '/', httpOnly: true, secure: true, sameSite: 'strict' });
  reply.setCookie('flash', 'Welcome back', { path: '/' });
}

export function koaLogin(ctx: Context, accessToken: string) {
  ctx.cookies.set('access_token', accessToken, { httpOnly: true, secure: true, sameSite: 'lax' });
  ctx.cookies.set('access_token', accessToken, { secure: false, sameSite: 'lax' }); // expect: no-secret-in-client-storage
  ctx.cookies.set('lang', 'de');
}

export function serializeSession(token: string): string {
  return cookie.serialize('auth_token', token, { path: '/' }); // expect: no-secret-in-client-storage
}

export function serializeSessionSafe(token: string): string {
  return cookie.serialize('auth_token', token, { path: '/', httpOnly: true, secure: true, sameSite: 'lax' });
}

export function edgeHeaders(token: string): Headers {
  const headers = new Headers();
  headers.append('Set-Cookie', `sid=${token}; Path=/; HttpOnly`); // expect: no-secret-in-client-storage
  headers.append('Set-Cookie', `sid=${token}; Path=/; HttpOnly; Secure; SameSite=Lax`);
  headers.append('Set-Cookie', 'theme=dark; Path=/');
  return headers;
}
