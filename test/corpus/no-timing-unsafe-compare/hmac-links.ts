import { createHmac, timingSafeEqual } from 'node:crypto';

const LINK_SECRET = process.env.LINK_SIGNING_SECRET!;

function computeSignature(path: string, expires: number): string {
  return createHmac('sha256', LINK_SECRET).update(`${path}:${expires}`).digest('base64url');
}

export function verifyDownloadLink(path: string, expires: number, sig: string): boolean {
  if (expires < Date.now() / 1000) return false;
  return computeSignature(path, expires) === sig; // expect: no-timing-unsafe-compare
}

export function verifyDownloadLinkSafe(path: string, expires: number, sig: string): boolean {
  const expected = Buffer.from(computeSignature(path, expires));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function verifyUnsubscribe(email: string, signature: string): boolean {
  const expectedSignature = createHmac('sha256', LINK_SECRET).update(email).digest('hex');
  if (signature.length !== expectedSignature.length) return false;
  return expectedSignature == signature; // expect: no-timing-unsafe-compare
}

export function verifyCookieSignature(value: string, signature: string): boolean {
  return signature !== createHmac('sha1', LINK_SECRET).update(value).digest('base64') ? false : true; // expect: no-timing-unsafe-compare
}

export function sameChecksum(checksum: string, other: string): boolean {
  return checksum === other;
}

export function sameNonce(nonce: string, expectedNonce: string): boolean {
  return nonce === expectedNonce;
}
