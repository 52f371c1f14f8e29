import { createHmac, timingSafeEqual } from 'node:crypto';

export function verifyStripeLike(rawBody: string, header: string, secret: string): boolean {
  const [timestampPart, signaturePart] = header.split(',');
  const timestamp = timestampPart!.slice(2);
  const signature = signaturePart!.slice(3);
  const expectedSignature = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  return expectedSignature === signature; // expect: no-timing-unsafe-compare
}

export function verifyGithub(rawBody: Buffer, signatureHeader: string, secret: string): boolean {
  const digest = 'sha256=' + createHmac('sha256', secret).update(rawBody).digest('hex');
  return signatureHeader === digest; // expect: no-timing-unsafe-compare
}

export function verifyShopify(rawBody: Buffer, hmacHeader: string, secret: string): boolean {
  const expectedHmac = createHmac('sha256', secret).update(rawBody).digest();
  const receivedHmac = Buffer.from(hmacHeader, 'base64');
  return expectedHmac.equals(receivedHmac); // expect: no-timing-unsafe-compare
}

export function verifySlack(rawBody: string, ts: string, sig: string, secret: string): boolean {
  const expected = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${rawBody}`).digest('hex')}`;
  return Buffer.compare(Buffer.from(expected), Buffer.from(sig)) === 0; // expect: no-timing-unsafe-compare
}

export function verifySafe(rawBody: Buffer, signatureHeader: string, secret: string): boolean {
  const expected = Buffer.from(createHmac('sha256', secret).update(rawBody).digest('hex'));
  const presented = Buffer.from(signatureHeader);
  return expected.length === presented.length && timingSafeEqual(expected, presented);
}

export function signatureAlgorithmOk(sigAlg: string, signatureAlgorithm: string): boolean {
  return sigAlg === 'HS256' && signatureAlgorithm === 'sha256';
}

export function sameSigType(a: { sigType: string }, b: { sigType: string }): boolean {
  return a.sigType === b.sigType;
}
