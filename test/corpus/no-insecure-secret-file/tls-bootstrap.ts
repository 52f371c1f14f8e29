// Local HTTPS for a dev server: a self-signed certificate and its key, cached between runs.
import * as fs from 'fs';
import * as path from 'path';
import selfsigned from 'selfsigned';

const CACHE = path.resolve('.cache', 'https');

export function ensureDevCertificate(host: string): { key: string; cert: string } {
  const keyFile = path.join(CACHE, 'dev.key');
  const certFile = path.join(CACHE, 'dev.crt');
  if (fs.existsSync(keyFile) && fs.existsSync(certFile)) {
    return { key: fs.readFileSync(keyFile, 'utf8'), cert: fs.readFileSync(certFile, 'utf8') };
  }
  const pems = selfsigned.generate([{ name: 'commonName', value: host }], { days: 30, keySize: 2048 });
  fs.mkdirSync(CACHE, { recursive: true });
  fs.writeFileSync(keyFile, pems.private); // expect: no-insecure-secret-file
  fs.writeFileSync(certFile, pems.cert);
  return { key: pems.private, cert: pems.cert };
}

export function installCertificate(dir: string, bundle: { key: string; cert: string; chain: string }): void {
  fs.writeFileSync(path.join(dir, 'privkey.pem'), bundle.key, { encoding: 'utf8', mode: 0o644 }); // expect: no-insecure-secret-file
  fs.writeFileSync(path.join(dir, 'cert.pem'), bundle.cert);
  fs.writeFileSync(path.join(dir, 'chain.pem'), bundle.chain);
  fs.writeFileSync(path.join(dir, 'fullchain.pem'), bundle.cert + bundle.chain);
}

export function installCertificateSafely(dir: string, bundle: { key: string; cert: string }): void {
  fs.writeFileSync(path.join(dir, 'privkey.pem'), bundle.key, { encoding: 'utf8', mode: 0o600 });
  fs.writeFileSync(path.join(dir, 'cert.pem'), bundle.cert, { mode: 0o644 });
}

export function writeClientBundle(dir: string, p12: Buffer): void {
  fs.writeFileSync(path.join(dir, 'client.p12'), p12); // expect: no-insecure-secret-file
}

export function makeKeyReadableByNginx(dir: string): void {
  fs.chmodSync(path.join(dir, 'server.key'), 0o644); // expect: no-insecure-secret-file
}

export function restrictKey(dir: string): void {
  fs.chmodSync(path.join(dir, 'server.key'), 0o400);
  fs.chmodSync(path.join(dir, 'server.crt'), 0o644);
}

export function saveSigningKey(jwk: string): void {
  fs.writeFileSync('keys/jwt-signing.pem', jwk); // expect: no-insecure-secret-file
  fs.writeFileSync('keys/jwt-signing.pub.pem', jwk.length.toString());
}
