import type { Request, Response, NextFunction } from 'express';

declare module 'express-session' {
  interface SessionData {
    csrfToken?: string;
    userId?: string;
  }
}

export function csrfGuard(req: Request, res: Response, next: NextFunction) {
  const submitted = (req.body._csrf ?? req.get('x-csrf-token')) as string | undefined;
  if (!req.session.csrfToken) return res.sendStatus(403);
  if (submitted !== req.session.csrfToken) return res.sendStatus(403); // expect-strict: no-timing-unsafe-compare
  next();
}

export function doubleSubmit(req: Request, res: Response, next: NextFunction) {
  const csrfCookie = req.cookies['csrf-token'] as string;
  const csrfHeader = req.get('x-csrf-token');
  if (csrfCookie === undefined || csrfHeader === undefined) return res.sendStatus(403);
  if (csrfCookie !== csrfHeader) return res.sendStatus(403); // expect-strict: no-timing-unsafe-compare
  next();
}

export function sameUser(req: Request, userId: string): boolean {
  return req.session.userId === userId;
}

export function changePassword(req: Request, res: Response) {
  const { password, passwordConfirmation } = req.body as { password: string; passwordConfirmation: string };
  if (password !== passwordConfirmation) return res.status(400).json({ error: 'Passwords do not match' });
  if (password.length < 12) return res.status(400).json({ error: 'Too short' });
  return res.sendStatus(204);
}
