import { Router, type Request, type Response } from 'express';
import pino from 'pino';
import bcrypt from 'bcrypt';
import { users } from '../support/users';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const authLog = logger.child({ module: 'auth' });

export const authRouter = Router();

authRouter.post('/login', async (req: Request, res: Response) => {
  const { email, password } = req.body as { email: string; password: string };
  authLog.info({ email, password }, 'login attempt'); // expect: no-secret-logging
  authLog.info({ email, passwordLength: password.length }, 'login attempt (length only)');
  const user = await users.findByEmail(email);
  if (!user) {
    authLog.warn({ email }, 'unknown email');
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  const ok = await bcrypt.compare(password, user.passwordHash);
  if (!ok) {
    authLog.warn(`bad password for ${email}: ${password}`); // expect: no-secret-logging
    return res.status(401).json({ error: 'Invalid credentials' });
  }
  authLog.info({ userId: user.id }, 'password accepted');
  res.json({ ok: true });
});

authRouter.post('/password/reset', async (req: Request, res: Response) => {
  const { token, newPassword } = req.body as { token: string; newPassword: string };
  logger.debug('reset requested with token ' + token); // expect: no-secret-logging
  logger.debug({ tokenPresent: Boolean(token) }, 'reset requested');
  const record = await users.findResetToken(token);
  if (!record) {
    logger.info('reset token not found or expired');
    return res.sendStatus(404);
  }
  logger.info({ userId: record.userId, newPassword }, 'password reset'); // expect: no-secret-logging
  await users.setPassword(record.userId, await bcrypt.hash(newPassword, 12));
  logger.info({ userId: record.userId }, 'password changed');
  res.sendStatus(204);
});

authRouter.use((req, _res, next) => {
  logger.trace({ method: req.method, url: req.url, headers: req.headers }, 'incoming request'); // expect: no-secret-logging
  logger.trace({ method: req.method, url: req.url, ua: req.headers['user-agent'] }, 'incoming request');
  const auth = req.headers.authorization;
  logger.debug(`auth scheme: ${auth ? auth.split(' ')[0] : 'none'}`);
  console.log('Authorization header:', auth); // expect: no-secret-logging
  next();
});

authRouter.get('/me', (req: Request, res: Response) => {
  const sessionId = req.cookies?.sid as string | undefined;
  logger.info({ hasSession: sessionId !== undefined }, 'profile read');
  logger.info({ cookies: req.cookies }, 'profile read with cookies'); // expect: no-secret-logging
  res.json({ ok: true });
});
