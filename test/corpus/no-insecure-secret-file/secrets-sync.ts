// Pulls secrets from a secrets manager into files a sidecar reads (the Kubernetes "secrets volume" way).
import fse from 'fs-extra';
import path from 'node:path';
import { decrypt } from '../support/kms';
import { listSecrets, type SecretRecord } from '../support/secrets-manager';

const ROOT = '/var/run/app';

export async function syncSecrets(): Promise<void> {
  const dir = path.join(ROOT, 'secrets');
  await fse.ensureDir(dir); // expect: no-insecure-secret-file
  for (const record of await listSecrets()) {
    await writeSecret(dir, record);
  }
}

async function writeSecret(dir: string, record: SecretRecord): Promise<void> {
  const plaintext = await decrypt(record.ciphertext);
  await fse.outputFile(path.join(dir, record.name), plaintext); // expect: no-insecure-secret-file
}

export async function syncSecretsSafely(): Promise<void> {
  const dir = path.join(ROOT, 'secrets');
  await fse.ensureDir(dir, { mode: 0o700 });
  for (const record of await listSecrets()) {
    const plaintext = await decrypt(record.ciphertext);
    await fse.outputFile(path.join(dir, record.name), plaintext, { mode: 0o400 });
  }
}

export async function writeManifest(records: SecretRecord[]): Promise<void> {
  await fse.writeJson(path.join(ROOT, 'manifest.json'), { names: records.map((r) => r.name) }, { spaces: 2 });
}

export async function writeDatabaseSecret(password: string): Promise<void> {
  await fse.outputJson(path.join(ROOT, 'secrets', 'database.json'), { user: 'app', password }); // expect: no-insecure-secret-file
}

export function writeCacheOfCiphertext(records: SecretRecord[]): void {
  fse.outputJsonSync(path.join(ROOT, 'cache', 'records.json'), records);
}

export function writeDecryptedCopy(record: SecretRecord, target: string): void {
  fse.outputFileSync(target, decryptSync(record.ciphertext)); // expect: no-insecure-secret-file
}

declare function decryptSync(ciphertext: string): string;
