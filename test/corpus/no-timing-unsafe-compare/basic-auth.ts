import type { IncomingMessage, ServerResponse } from 'node:http';

interface Credentials {
  username: string;
  password: string;
}

const users: Credentials[] = JSON.parse(process.env.BASIC_AUTH_USERS ?? '[]');

function parse(req: IncomingMessage): Credentials | null {
  const header = req.headers.authorization;
  if (!header || !header.startsWith('Basic ')) return null;
  const [username = '', password = ''] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
  return { username, password };
}

export function basicAuth(req: IncomingMessage, res: ServerResponse): boolean {
  const creds = parse(req);
  if (creds === null) {
    res.statusCode = 401;
    return false;
  }
  const user = users.find((u) => u.username === creds.username);
  if (!user || user.password !== creds.password) { // expect-strict: no-timing-unsafe-compare
    res.statusCode = 401;
    return false;
  }
  return true;
}

export function matchAnyPassword(creds: Credentials): boolean {
  return users.some((u) => u.password === creds.password); // expect-strict: no-timing-unsafe-compare
}

export function checkPinFormat(pin: string): boolean {
  return pin.length === 6 && /^[0-9]+$/.test(pin);
}

export function hasCredentials(creds: Credentials | null): boolean {
  return creds !== null && creds.password !== undefined && creds.password.length > 0;
}

export function passwordChanged(previous: Credentials, next: Credentials): boolean {
  return previous.username === next.username;
}

export function isBearer(req: IncomingMessage): boolean {
  return req.headers.authorization?.toLowerCase().startsWith('bearer ') === true;
}

export function matchesAuthorization(req: IncomingMessage, expectedAuthorization: string): boolean {
  return req.headers.authorization === expectedAuthorization; // expect: no-timing-unsafe-compare
}
