// A CI step that materialises cloud credentials from the job's environment for the tools it runs.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export function writeGcpServiceAccount(): string {
  const file = join(tmpdir(), 'gcp', 'service-account.json');
  mkdirSync(join(tmpdir(), 'gcp'), { recursive: true });
  writeFileSync(file, process.env.GCP_SERVICE_ACCOUNT_KEY!); // expect: no-insecure-secret-file
  return file;
}

export function writeAwsCredentials(profile: string): void {
  const dir = join(homedir(), '.aws');
  mkdirSync(dir, { recursive: true });
  const body = [
    `[${profile}]`,
    `aws_access_key_id = ${process.env.AWS_ACCESS_KEY_ID}`,
    `aws_secret_access_key = ${process.env.AWS_SECRET_ACCESS_KEY}`,
  ].join('\n');
  writeFileSync(join(dir, 'credentials'), body + '\n'); // expect: no-insecure-secret-file
  writeFileSync(join(dir, 'config'), `[profile ${profile}]\nregion = eu-west-1\n`);
}

export function writeNetrc(host: string, login: string): void {
  appendFileSync(join(homedir(), '.netrc'), `machine ${host} login ${login} password ${process.env.REGISTRY_PASSWORD}\n`); // expect: no-insecure-secret-file
}

export function writePgpass(host: string, user: string, password: string): void {
  writeFileSync(join(homedir(), '.pgpass'), `${host}:5432:*:${user}:${password}\n`, { mode: 0o600 });
}

export function writeGitCredentials(): void {
  writeFileSync(join(homedir(), '.git-credentials'), `https://x-access-token:${process.env.GH_TOKEN}@github.com\n`); // expect: no-insecure-secret-file
}

export function materialiseGoogleCredentials(): void {
  const target = process.env.GOOGLE_APPLICATION_CREDENTIALS;
  if (target && process.env.GCP_SA_JSON_BASE64) {
    writeFileSync(target, Buffer.from(process.env.GCP_SA_JSON_BASE64, 'base64')); // expect: no-insecure-secret-file
  }
}

export function writeNpmToken(): void {
  writeFileSync('/tmp/npm-token', process.env.NPM_TOKEN!); // expect: no-insecure-secret-file
}

export function writeRegion(): void {
  writeFileSync(join(homedir(), '.acme-region'), String(process.env.AWS_REGION));
}

export function writeDockerAuth(registry: string): void {
  const auth = Buffer.from(`ci:${process.env.REGISTRY_PASSWORD}`).toString('base64');
  writeFileSync(join(homedir(), '.docker', 'config.json'), JSON.stringify({ auths: { [registry]: { auth } } })); // expect: no-insecure-secret-file
}
