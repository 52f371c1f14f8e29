// Token caches and key files written through streams and file descriptors.
import { createWriteStream, open, openSync, writeSync, closeSync, type WriteStream } from 'node:fs';
import { open as openHandle } from 'node:fs/promises';
import { join } from 'node:path';

export function openTokenLog(dir: string): WriteStream {
  return createWriteStream(join(dir, 'tokens.json'), { flags: 'a' }); // expect: no-insecure-secret-file
}

export function openAuditLog(dir: string): WriteStream {
  return createWriteStream(join(dir, 'audit.log'), { flags: 'a' });
}

export function openTokenLogSafely(dir: string): WriteStream {
  return createWriteStream(join(dir, 'tokens.json'), { flags: 'a', mode: 0o600 });
}

export function writeKeyWithDescriptor(dir: string, pem: string): void {
  const fd = openSync(join(dir, 'signing.key'), 'w'); // expect: no-insecure-secret-file
  writeSync(fd, pem);
  closeSync(fd);
}

export function writeKeyWithDescriptorSafely(dir: string, pem: string): void {
  const fd = openSync(join(dir, 'signing.key'), 'wx', 0o600);
  writeSync(fd, pem);
  closeSync(fd);
}

export function readKey(dir: string): number {
  return openSync(join(dir, 'signing.key'), 'r');
}

export function writeKeyWithCallback(dir: string, pem: string): void {
  open(join(dir, 'id_rsa'), 'w', (err, fd) => { // expect: no-insecure-secret-file
    if (err) throw err;
    writeSync(fd, pem);
    closeSync(fd);
  });
}

export function writeKeyReadable(dir: string): number {
  return openSync(join(dir, 'server.key'), 'w', 0o644); // expect: no-insecure-secret-file
}

export async function writeTokenWithHandle(dir: string, token: string): Promise<void> {
  const handle = await openHandle(join(dir, 'api.token'), 'w'); // expect: no-insecure-secret-file
  await handle.writeFile(token);
  await handle.close();
}

export function openCredentialsStream(dir: string): WriteStream {
  return createWriteStream(`${dir}/credentials.json`); // expect: no-insecure-secret-file
}
