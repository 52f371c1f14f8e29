// A command-line tool that logs in and keeps its credentials under the user's home directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fetchDeviceToken } from '../support/auth-client';

const CONFIG_DIR = path.join(os.homedir(), '.acme');
const CREDENTIALS_FILE = path.join(CONFIG_DIR, 'credentials.json');
const SETTINGS_FILE = path.join(CONFIG_DIR, 'settings.json');

export interface StoredLogin {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresAt: number;
}

export async function login(deviceCode: string): Promise<void> {
  const tokens = await fetchDeviceToken(deviceCode);
  fs.mkdirSync(CONFIG_DIR, { recursive: true });
  const login: StoredLogin = {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresAt: Date.now() + tokens.expires_in * 1000,
  };
  fs.writeFileSync(CREDENTIALS_FILE, JSON.stringify(login, null, 2)); // expect: no-insecure-secret-file
}

export function saveSettings(settings: { region: string; color: boolean }): void {
  fs.writeFileSync(SETTINGS_FILE, JSON.stringify(settings, null, 2));
}

export function saveProfileToken(profile: string, token: string): void {
  const file = path.join(CONFIG_DIR, 'profiles', `${profile}.token`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, token, 'utf8'); // expect: no-insecure-secret-file
}

export function saveProfileTokenSafely(profile: string, token: string): void {
  const file = path.join(CONFIG_DIR, 'profiles', `${profile}.token`);
  fs.writeFileSync(file, token, { encoding: 'utf8', mode: 0o600 });
}

export function rotateCredentials(next: StoredLogin): void {
  const tmp = `${CREDENTIALS_FILE}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(next), { mode: 0o600 });
  fs.renameSync(tmp, CREDENTIALS_FILE);
}

export function exportForCi(login: StoredLogin, target: string): void {
  fs.writeFileSync(path.join(target, 'credentials'), `ACME_TOKEN=${login.accessToken}\n`, { mode: 0o644 }); // expect: no-insecure-secret-file
}

export function fixPermissions(): void {
  if (fs.existsSync(CREDENTIALS_FILE)) fs.chmodSync(CREDENTIALS_FILE, 0o600);
}

export function shareWithGroup(): void {
  fs.chmodSync(CREDENTIALS_FILE, 0o640); // expect: no-insecure-secret-file
}

export function logout(): void {
  fs.rmSync(CREDENTIALS_FILE, { force: true });
}
