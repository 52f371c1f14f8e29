// Provisions a deploy key for a build agent: generate, write the pair, register the public half.
import { generateKeyPairSync } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { registerDeployKey } from '../support/git-host';

export async function provisionDeployKey(repo: string): Promise<string> {
  const sshDir = join(homedir(), '.ssh');
  await mkdir(sshDir, { recursive: true }); // expect: no-insecure-secret-file
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  await writeFile(join(sshDir, 'id_ed25519'), privateKey); // expect: no-insecure-secret-file
  await writeFile(join(sshDir, 'id_ed25519.pub'), publicKey);
  await registerDeployKey(repo, publicKey);
  return join(sshDir, 'id_ed25519');
}

export async function provisionDeployKeySafely(repo: string): Promise<void> {
  const sshDir = join(homedir(), '.ssh');
  await mkdir(sshDir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  await writeFile(join(sshDir, `deploy_${repo}`), privateKey, { mode: 0o600 });
  await writeFile(join(sshDir, `deploy_${repo}.pub`), publicKey, { mode: 0o644 });
}

export async function writeRsaKey(dir: string, pem: string): Promise<void> {
  await writeFile(`${dir}/id_rsa`, pem, 'utf8'); // expect: no-insecure-secret-file
  await writeFile(`${dir}/known_hosts`, 'github.com ssh-ed25519 AAAA\n');
}

export async function writeKeyThenLockDown(dir: string, pem: string): Promise<void> {
  const keyPath = join(dir, 'id_ecdsa');
  await writeFile(keyPath, pem);
  await chmod(keyPath, 0o600);
}

export async function relaxKeyForSharedRunner(dir: string): Promise<void> {
  await chmod(join(dir, 'id_ed25519'), 0o644); // expect: no-insecure-secret-file
}

export async function exportAgentKey(agentKey: { privateKey: string }, out: string): Promise<void> {
  const { privateKey } = agentKey;
  await writeFile(out, privateKey); // expect: no-insecure-secret-file
}
