import { S3Client } from '@aws-sdk/client-s3';
import jwt from 'jsonwebtoken';

export const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: {
    accessKeyId: 'AKIA6KZ3WNFCWJHRNWIT', // expect: no-hardcoded-secret
    secretAccessKey: 'h2Kq9zXw7Lp4Vt8Rn3Ys6Bm1Cd5Fg0Jk2Wq9ZxA', // expect: no-hardcoded-secret
  },
});

export const s3FromEnv = new S3Client({ region: process.env.AWS_REGION });

const SIGNING_KEY = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7corpusfakecorpusfake\n-----END PRIVATE KEY-----\n'; // expect: no-hardcoded-secret

export const PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo
-----END PUBLIC KEY-----`;

export function sign(userId: string): string {
  return jwt.sign({ sub: userId }, SIGNING_KEY, { algorithm: 'RS256' });
}

export function signHs(userId: string): string {
  return jwt.sign({ sub: userId }, 'a8F3kL9pQ2zX7vN4mW1rT6yB', { expiresIn: '1h' }); // expect: no-hardcoded-secret
}

export function verifyHs(token: string) {
  return jwt.verify(token, process.env.JWT_SECRET!);
}
