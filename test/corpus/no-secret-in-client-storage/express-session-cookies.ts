import type { Request, Response } from 'express';

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;
const isProduction = process.env.NODE_ENV === 'production';

export function issueSession(res: Response, sessionId: string): void {
  res.cookie('sid', sessionId, { maxAge: THIRTY_DAYS_MS, path: '/' }); // expect: no-secret-in-client-storage
}

export function issueSessionSafe(res: Response, sessionId: string): void {
  res.cookie('sid', sessionId, { maxAge: THIRTY_DAYS_MS, httpOnly: true, secure: isProduction, sameSite: 'lax' });
}

export function issueRefresh(res: Response, refreshToken: string): void {
  res.cookie('refresh_token', refreshToken, { httpOnly: true, secure: true }); // expect: no-secret-in-client-storage
  res.cookie('refresh_token_expires', String(Date.now() + THIRTY_DAYS_MS), { secure: true, sameSite: 'strict' });
}

export function issueAccess(res: Response, accessToken: string): void {
  res.cookie('access_token', accessToken, { httpOnly: false, secure: true, sameSite: 'strict' }); // expect: no-secret-in-client-storage
}

export function issueCrossSite(res: Response, token: string): void {
  res.cookie('auth', token, { httpOnly: true, secure: true, sameSite: 'none' }); // expect: no-secret-in-client-storage
}

export function setLocale(req: Request, res: Response): void {
  res.cookie('locale', req.query.locale ?? 'en', { maxAge: THIRTY_DAYS_MS });
  res.cookie('ui_theme', 'dark');
}

export function setHeaderCookie(res: Response, refreshToken: string): void {
  res.setHeader('Set-Cookie', `refresh_token=${refreshToken}; Path=/auth; Max-Age=2592000`); // expect: no-secret-in-client-storage
}

export function setHeaderCookieSafe(res: Response, refreshToken: string): void {
  res.setHeader('Set-Cookie', `refresh_token=${refreshToken}; Path=/auth; HttpOnly; Secure; SameSite=Strict`);
}

export function clearSession(res: Response): void {
  res.clearCookie('sid', { path: '/' });
}

export function rememberMe(res: Response, rememberToken: string): void {
  res.cookie('remember_token', rememberToken, { maxAge: THIRTY_DAYS_MS, secure: true, sameSite: 'lax' }); // expect: no-secret-in-client-storage
}

export function connectSid(res: Response, sid: string): void {
  res.cookie('connect.sid', sid, { httpOnly: true, sameSite: 'lax' }); // expect: no-secret-in-client-storage
}

export function trackingId(res: Response, visitorId: string): void {
  res.cookie('visitor_id', visitorId, { maxAge: THIRTY_DAYS_MS, sameSite: 'lax' });
}
