// Writes whose only evidence is a name: strict reports them, recommended does not.
import fs from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';

export function saveCliConfig(configFile: string, apiKey: string, region: string): void {
  fs.writeFileSync(configFile, JSON.stringify({ apiKey, region }, null, 2)); // expect-strict: no-insecure-secret-file
}

export async function cacheAccessToken(cacheFile: string, accessToken: string): Promise<void> {
  await writeFile(cacheFile, accessToken); // expect-strict: no-insecure-secret-file
}

export async function persistToken(tokenPath: string, body: string): Promise<void> {
  await writeFile(tokenPath, body); // expect-strict: no-insecure-secret-file
}

export function openUpKey(privateKeyPath: string): void {
  fs.chmodSync(privateKeyPath, 0o644); // expect-strict: no-insecure-secret-file
}

export async function prepareSecretsDir(secretsDir: string): Promise<void> {
  await mkdir(secretsDir, { recursive: true }); // expect-strict: no-insecure-secret-file
}

export function saveCliConfigSafely(configFile: string, apiKey: string): void {
  fs.writeFileSync(configFile, JSON.stringify({ apiKey }), { mode: 0o600 });
}

export function savePreferences(configFile: string, theme: string): void {
  fs.writeFileSync(configFile, JSON.stringify({ theme }));
}

export function saveTokenCount(statsFile: string, tokenCount: number): void {
  fs.writeFileSync(statsFile, String(tokenCount));
}

export function saveCertificatePath(certPath: string, certificate: string): void {
  fs.writeFileSync(certPath, certificate);
}
