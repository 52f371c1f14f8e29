import { randomBytes } from 'node:crypto';
import { redact as redactSecret } from '@secret-hygiene/checks';

const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * A unique random secret: `shc-` followed by 26 random base32 letters, optionally with
 * non-ASCII letters so that UTF-16 and JSON escapes differ from the raw form.
 */
export function makeCanary(unicode = false): string {
  const bytes = randomBytes(26);
  let body = '';
  for (const byte of bytes) body += alphabet[byte % alphabet.length];
  return unicode ? `shc-ü${body.slice(0, 13)}ß${body.slice(13)}` : `shc-${body}`;
}

/** Redacts a canary or secret for any output (short prefix and suffix only). */
export function redact(secret: string): string {
  return redactSecret(secret);
}
