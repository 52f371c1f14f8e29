import { RuleTester } from '@typescript-eslint/rule-tester';
import { fileURLToPath } from 'node:url';
import { rules } from '../src/index.js';

const rule = rules['no-insecure-secret-file']!;
const ruleTester = new RuleTester();

type MessageId = 'secretFileWithoutMode' | 'secretFileReadableMode' | 'secretFileChmod' | 'secretDirectoryMode';

/** One expected finding: where it starts, its message, and the suggestion as a replacement in the code. */
interface At {
  /** The text the finding starts at (its first occurrence). */
  readonly at: string;
  readonly messageId?: MessageId;
  /** The suggestion: replace the first `[from]` by `to`; `null` for none. */
  readonly fix: readonly [from: string, to: string] | null;
  readonly mode?: string;
}

function finding(code: string, spec: At) {
  const offset = code.indexOf(spec.at);
  if (offset < 0) throw new Error(`test bug: "${spec.at}" is not in the code`);
  const before = code.slice(0, offset);
  const suggestions = spec.fix
    ? [
        {
          messageId: 'addOwnerOnlyMode' as const,
          data: { mode: spec.mode ?? (spec.messageId === 'secretDirectoryMode' ? '0o700' : '0o600') },
          output: replaceOnce(code, spec.fix[0], spec.fix[1]),
        },
      ]
    : [];
  return {
    messageId: spec.messageId ?? 'secretFileWithoutMode',
    line: before.split('\n').length,
    column: offset - before.lastIndexOf('\n'),
    suggestions,
  };
}

function replaceOnce(code: string, from: string, to: string): string {
  const i = code.indexOf(from);
  if (i < 0) throw new Error(`test bug: "${from}" is not in the code`);
  return code.slice(0, i) + to + code.slice(i + from.length);
}

/** A high-confidence finding (reported by `recommended`). */
function high(code: string, ...at: At[]) {
  return { code, errors: at.map((a) => finding(code, a)) };
}

/** A finding below high: reported at `minConfidence: 'medium'`; the same code is in the valid list at the default. */
function medium(code: string, at: At) {
  return { code, options: [{ minConfidence: 'medium' as const }], errors: [finding(code, at)] };
}

const fixturesDir = fileURLToPath(new URL('./fixtures', import.meta.url));
const typed = {
  languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: fixturesDir } },
};

/** Below high only: a name says the data or the path is secret, nothing shows it. */
const MEDIUM_ONLY = {
  apiKeyInConfig: `import fs from 'node:fs';
function saveConfig(configFile: string, apiKey: string) {
  fs.writeFileSync(configFile, JSON.stringify({ apiKey }, null, 2));
}`,
  tokenPath: `import { writeFile } from 'node:fs/promises';
async function persist(tokenPath: string, data: string) {
  await writeFile(tokenPath, data);
}`,
  chmodNamedPath: `import { chmodSync } from 'fs';
function share(privateKeyPath: string) { chmodSync(privateKeyPath, 0o644); }`,
  secretsDirByName: `import { mkdirSync } from 'fs';
function prepare(secretsDir: string) { mkdirSync(secretsDir, { recursive: true }); }`,
  // A generator's `.env` in a project directory: its data decides (see the docs' debatable class).
  envScaffold: "import fs from 'fs';\nawait fs.promises.writeFile('.env', lines.join('\\n'));",
  envReadableMode: "import fs from 'node:fs';\nfs.writeFileSync('.env', text, { mode: '640' });",
  envChmod: "import fs from 'node:fs';\nfs.chmodSync('.env', '644');",
  // A generator's `.env` rendered from placeholders only: nothing seen to be secret in it.
  envFromPlaceholders: `import fs from 'node:fs';
import Handlebars from 'handlebars';
export function scaffold(root: string, template: string) {
  const content = Handlebars.compile(template)({ name: 'shop', cookieSecret: 'change-me' });
  fs.writeFileSync(root + '/.env', content);
}`,
  // A credential written to a configuration file outside the user's own directories: a name only.
  tokenInProjectConfig: `import fs from 'node:fs';
import path from 'node:path';
export function save(projectRoot: string, token: string) {
  fs.writeFileSync(path.join(projectRoot, 'config.json'), JSON.stringify({ token }));
}`,
};

/** Not reported at any confidence. */
const NEVER = {
  // The same render context as a `.env`, written to a file that is no settings file: a template
  // may use any key of its context; what a README holds is not seen.
  readmeFromSecretContext: `import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import Handlebars from 'handlebars';
export function scaffold(root: string, template: string) {
  const context = { name: 'shop', cookieSecret: randomBytes(16).toString('base64url') };
  fs.writeFileSync(root + '/README.md', Handlebars.compile(template)(context));
}`,
  // A file map whose only settings-like content goes to no settings file.
  fileMapWithoutSettings: `import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
function buildFiles(config: { region: string; clientSecret: string }) {
  return { 'main.tf': MAIN_TF, 'README.md': \`region: \${config.region}\` };
}
export function write(outputDir: string, clientSecret: string) {
  const files = buildFiles({ region: 'eu', clientSecret });
  for (const [filename, content] of Object.entries(files)) writeFileSync(resolve(outputDir, filename), content);
}`,
  // The file was read just before: it exists, and a rewrite keeps its mode.
  rewriteAfterRead: `import fs from 'node:fs';
export function setKey(envPath: string, apiKey: string) {
  const original = fs.readFileSync(envPath, 'utf-8');
  fs.writeFileSync(envPath, original.replace('API_KEY=', \`API_KEY=\${apiKey}\`));
}`,
  // A CLI's settings store in the user's configuration directory that keeps no credential.
  storeWithoutCredential: `import fs from 'node:fs';
import path from 'node:path';
export class Command {
  configJSON: Record<string, string> = {};
  configFilePath = path.join(this.config.configDir, 'config.json');
  constructor(private config: { configDir: string }) {}
  getConfig(key: string) { return this.configJSON[key]; }
  url() { return this.getConfig('serverUrl'); }
  save() { fs.writeFileSync(this.configFilePath, JSON.stringify(this.configJSON)); }
}`,
};

/** Settings files built from secrets, and a CLI's login kept in the user's configuration directory. */
const BUILT_FROM_SECRETS = {
  // A template rendered with a generated secret in its context, written as the new project's `.env.local`.
  renderedEnv: `import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import Handlebars from 'handlebars';
export function scaffold(root: string, template: string) {
  const content = Handlebars.compile(template)({ name: 'shop', revalidationSecret: randomBytes(32).toString('base64') });
  fs.writeFileSync(root + '/.env.local', content);
}`,
  // The rendered text is a field of what a helper returns, destructured at the write.
  destructuredSource: `import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
async function generateSources(root: string) {
  const templateContext = { root, cookieSecret: randomBytes(16).toString('base64url') };
  const render = async (file: string) => \`\${file}:\${JSON.stringify(templateContext)}\`;
  return { envSource: await render('.env.hbs'), readmeSource: 'readme' };
}
export async function create(root: string) {
  const { envSource } = await generateSources(root);
  await fs.promises.writeFile(root + '/.env', envSource);
}`,
  // The env file's name returned by a helper, its text built by a helper from the settings object.
  helperBuiltEnv: `import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
function getEnvFileName(name?: string) {
  return name ? \`.env.\${name}\` : '.env';
}
function generateEnvFile(config: { env: Record<string, string>; template: string }) {
  let content = config.template;
  for (const [key, value] of Object.entries(config.env)) content = content.replace(key, \`\${key}=\${value}\`);
  return content;
}
export function setup(dir: string, configName?: string) {
  const envFile = resolve(dir, getEnvFileName(configName));
  const env = { PORT: '3000', AUTH_SECRET: randomBytes(32).toString('hex') };
  writeFileSync(envFile, generateEnvFile({ env, template: TEMPLATE }));
}`,
  // A file map: the entry that is a settings file (\`terraform.tfvars\`) holds the client secret.
  fileMapTfvars: `import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
function renderTfvars(config: { region: string; clientSecret: string }) {
  const lines = [\`region = "\${config.region}"\`];
  lines.push(\`client_secret = "\${config.clientSecret}"\`);
  return lines.join('\\n');
}
function buildFiles(config: { region: string; clientSecret: string }) {
  return { 'main.tf': MAIN_TF, 'terraform.tfvars': renderTfvars(config) };
}
export function write(outputDir: string, clientSecret: string) {
  const files = buildFiles({ region: 'eu', clientSecret });
  for (const [filename, content] of Object.entries(files)) writeFileSync(resolve(outputDir, filename), content);
}`,
  // A template read from elsewhere, the filled-in copy written as a new `.env`.
  templateReadElsewhere: `import fs from 'node:fs';
import path from 'node:path';
export function init(dir: string, apiKey: string) {
  const template = fs.readFileSync(path.join(dir, '.env.example'), 'utf-8');
  fs.writeFileSync(path.join(dir, '.env'), template.replace('API_KEY=', \`API_KEY=\${apiKey}\`));
}`,
  // A CLI's settings store that keeps its login token, saved in the user's configuration directory.
  storeWithToken: `import fs from 'node:fs';
import path from 'node:path';
export class Command {
  configJSON: Record<string, string> = {};
  configFilePath = path.join(this.config.configDir, 'config.json');
  constructor(private config: { configDir: string }) {}
  getConfig(key: string) { return this.configJSON[key]; }
  authorization() { return \`Bearer \${this.getConfig('token')}\`; }
  save() { fs.writeFileSync(this.configFilePath, JSON.stringify(this.configJSON)); }
}`,
  // A credential named so, saved under the home directory.
  tokenInHomeConfig: `import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
export function saveLogin(accessToken: string) {
  fs.writeFileSync(path.join(os.homedir(), '.mycli', 'config.json'), JSON.stringify({ accessToken }));
}`,
};

const PEM_HEAD = '-----BEGIN PRIVATE KEY-----';
const PEM_BODY = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7qW9kZ3xVb1mR2yT8pLq4nJ0sWc5dHf6gKe';
const PEM = `${PEM_HEAD}\\n${PEM_BODY}\\n-----END PRIVATE KEY-----`;

ruleTester.run('no-insecure-secret-file', rule, {
  valid: [
    ...Object.values(MEDIUM_ONLY),
    ...Object.values(NEVER).map((code) => ({ code, options: [{ minConfidence: 'low' as const }] })),
    // Owner-only modes, as a number, a decimal, an octal string or through a const.
    "import fs from 'node:fs';\nfs.writeFileSync('server.key', pem, { mode: 0o600 });",
    "import fs from 'node:fs';\nfs.writeFileSync('server.key', pem, { mode: 0o400, encoding: 'utf8' });",
    "import fs from 'node:fs';\nfs.writeFileSync('server.key', pem, { mode: 384 });",
    "import fs from 'node:fs';\nfs.writeFileSync('server.key', pem, { mode: '600' });",
    "import fs from 'node:fs';\nconst PRIVATE = 0o600;\nfs.writeFileSync('server.key', pem, { mode: PRIVATE });",
    "import { openSync } from 'node:fs';\nconst fd = openSync('id_rsa', 'w', 0o600);",
    "import { createWriteStream } from 'fs';\nconst out = createWriteStream('credentials.json', { mode: 0o600 });",
    // Made private right after it was written, or the process umask makes every new file private.
    "import fs from 'node:fs';\nfunction save(keyPath: string) {\n  fs.writeFileSync(keyPath, privateKey);\n  fs.chmodSync(keyPath, 0o600);\n}",
    "import fs from 'node:fs';\nprocess.umask(0o077);\nfs.writeFileSync('.env', lines.join('\\n'));",
    // A rewrite of a file that exists: a write's mode applies only when it creates the file.
    "import fs from 'node:fs';\nif (fs.existsSync('server.key')) fs.writeFileSync('server.key', pem);",
    "import fs from 'node:fs';\nif (!fs.existsSync(keyFile)) {\n  throw new Error('run setup first');\n} else {\n  fs.writeFileSync(keyFile, privateKey);\n}",
    // Public by design: public keys, certificates and chains, env templates.
    "import fs from 'node:fs';\nfs.writeFileSync('id_rsa.pub', publicKey);",
    "import fs from 'node:fs';\nfs.writeFileSync(path.join(dir, 'cert.pem'), cert);",
    "import fs from 'node:fs';\nfs.writeFileSync(`${dir}/fullchain.pem`, chain);",
    "import fs from 'node:fs';\nfs.writeFileSync('server.crt', certificate);",
    "import fs from 'node:fs';\nfs.writeFileSync(`${domain}.pem`, bundle.cert);",
    "import fs from 'node:fs';\nfs.writeFileSync(path.join(dir, 'signing.pem'), publicKey.export({ type: 'spki', format: 'pem' }));",
    "import fs from 'node:fs';\nfs.writeFileSync('.env.example', template);",
    "import { generateKeyPairSync } from 'node:crypto';\nimport fs from 'node:fs';\nconst { publicKey } = generateKeyPairSync('ed25519');\nfs.writeFileSync('out/jwks.json', publicKey);",
    // Nothing secret about the data or the path (an env variable that names no credential file).
    "import fs from 'node:fs';\nfs.writeFileSync(process.env.REPORT_PATH!, JSON.stringify(report));",
    "import fs from 'node:fs';\nfs.writeFileSync('report.json', JSON.stringify(report));",
    "import fs from 'node:fs';\nfs.writeFileSync(outFile, tokenCount.toString());",
    // Directories: owner-only, or not a secrets directory.
    "import fs from 'node:fs';\nfs.mkdirSync(path.join(home, '.ssh'), { recursive: true, mode: 0o700 });",
    "import { mkdir } from 'fs/promises';\nawait mkdir('secrets', 0o700);",
    "import fs from 'node:fs';\nfs.mkdirSync(path.join(root, 'dist'), { recursive: true });",
    // chmod to an owner-only mode.
    "import fs from 'node:fs';\nfs.chmodSync('server.key', 0o600);",
    "import fs from 'node:fs';\nfs.chmodSync('server.key', 0o400);",
    "import fs from 'node:fs';\nfs.chmodSync('deploy.sh', 0o755);",
    // open without a writing flag creates nothing.
    "import fs from 'node:fs';\nconst fd = fs.openSync('server.key');",
    "import fs from 'node:fs';\nconst fd = fs.openSync('server.key', 'r');",
    "import fs from 'node:fs';\nconst fd = fs.openSync('server.key', 'r+');",
    // Not Node's file system: a storage client, a module of the project.
    "async function put(storage: Storage) { await storage.writeFile('server.key', pem); }",
    "import { writeFileSync } from './virtual-fs.js';\nwriteFileSync('server.key', pem);",
    // A mode out of sight (a variable, a spread options object) is not judged.
    "import fs from 'node:fs';\nfunction save(mode: number) { fs.writeFileSync('server.key', pem, { mode }); }",
    "import fs from 'node:fs';\nfs.writeFileSync('server.key', pem, { ...defaults });",
    // fs/promises and fs-extra take no callback: an options variable is options, out of sight.
    "import { writeFile } from 'fs/promises';\nasync function save(options: object) { await writeFile('server.key', pem, options); }",
    // Encrypted before it is written.
    "import fs from 'node:fs';\nfs.writeFileSync('vault.bin', encrypt(process.env.API_SECRET));",
    // Test code: the host caps findings there below high.
    { code: "import fs from 'node:fs';\nfs.writeFileSync('server.key', pem);", filename: 'test/tls.test.ts' },
    // Directories can be left alone by option.
    {
      code: "import fs from 'node:fs';\nfs.mkdirSync(path.join(home, '.ssh'), { recursive: true });",
      options: [{ checkDirectories: false }],
    },
    // Typed: the same judgement with type information.
    { code: "import fs from 'node:fs';\nfs.writeFileSync('server.key', pem, { mode: 0o600 });", ...typed },
    { code: "import fs from 'node:fs';\nfs.writeFileSync('id_ed25519.pub', publicKey);", ...typed },
    { code: MEDIUM_ONLY.apiKeyInConfig, ...typed },
  ],
  invalid: [
    // Key and credential paths, each import form.
    high("import fs from 'node:fs';\nfs.writeFileSync('server.key', pem);", {
      at: 'fs.writeFileSync',
      fix: ['pem)', 'pem, { mode: 0o600 })'],
    }),
    high("import * as fs from 'fs';\nfs.writeFileSync(path.join(dir, 'tls', 'server.pem'), pem, 'utf8');", {
      at: 'fs.writeFileSync',
      fix: ["'utf8')", "{ encoding: 'utf8', mode: 0o600 })"],
    }),
    high(
      "import { writeFile } from 'node:fs/promises';\nawait writeFile(join(homedir(), '.ssh', 'id_rsa'), key, { encoding: 'utf8' });",
      { at: 'writeFile(join', fix: ["{ encoding: 'utf8' }", "{ mode: 0o600, encoding: 'utf8' }"] },
    ),
    high("import fs from 'fs';\nawait fs.promises.writeFile('.env', `API_KEY=${process.env.API_KEY}`);", {
      at: 'fs.promises.writeFile',
      fix: ['API_KEY}`)', 'API_KEY}`, { mode: 0o600 })'],
    }),
    high("import { promises as fsp } from 'fs';\nawait fsp.writeFile('deploy/.env.production', decrypt(envBlob));", {
      at: 'fsp.writeFile',
      fix: ['decrypt(envBlob))', 'decrypt(envBlob), { mode: 0o600 })'],
    }),
    high("import fsp from 'node:fs/promises';\nawait fsp.appendFile(`${home}/.netrc`, entry);", {
      at: 'fsp.appendFile',
      fix: ['entry)', 'entry, { mode: 0o600 })'],
    }),
    high(
      "const { writeFileSync } = require('fs');\nwriteFileSync(`${configDir}/credentials.json`, JSON.stringify(creds));",
      { at: 'writeFileSync(`', fix: ['JSON.stringify(creds))', 'JSON.stringify(creds), { mode: 0o600 })'] },
    ),
    high("const fs = require('node:fs');\nfs.writeFileSync(dir + '/id_ed25519', key);", {
      at: 'fs.writeFileSync',
      fix: ['key)', 'key, { mode: 0o600 })'],
    }),
    high("import * as fse from 'fs-extra';\nfse.outputFileSync(path.resolve(root, 'secrets', 'db.json'), data);", {
      at: 'fse.outputFileSync',
      fix: ['data)', 'data, { mode: 0o600 })'],
    }),
    high("import fse from 'fs-extra';\nawait fse.writeJson('gcloud/credentials.json', creds, { spaces: 2 });", {
      at: 'fse.writeJson',
      fix: ['{ spaces: 2 }', '{ mode: 0o600, spaces: 2 }'],
    }),
    high("const gfs = require('graceful-fs');\ngfs.appendFileSync('.git-credentials', line);", {
      at: 'gfs.appendFileSync',
      fix: ['line)', 'line, { mode: 0o600 })'],
    }),
    high("import { writeFileSync as write } from 'fs';\nwrite('client.p12', bundle);", {
      at: "write('client.p12'",
      fix: ['bundle)', 'bundle, { mode: 0o600 })'],
    }),
    high("import fs from 'node:fs';\nconst KEY_FILE = 'keys/signing.key';\nfs.writeFileSync(KEY_FILE, pem);", {
      at: 'fs.writeFileSync',
      fix: ['pem)', 'pem, { mode: 0o600 })'],
    }),
    // A path that a credential tool's environment variable names.
    high(
      "import fs from 'node:fs';\nconst file = process.env.GOOGLE_APPLICATION_CREDENTIALS!;\nfs.writeFileSync(file, Buffer.from(encoded, 'base64'));",
      { at: 'fs.writeFileSync', fix: ["'base64'))", "'base64'), { mode: 0o600 })"] },
    ),
    high("import fs from 'node:fs';\nfs.writeFileSync(env('KUBECONFIG'), kubeconfig);", {
      at: 'fs.writeFileSync',
      fix: ['kubeconfig)', 'kubeconfig, { mode: 0o600 })'],
    }),
    // Streams and descriptors that create the file.
    high("import { createWriteStream } from 'fs';\nconst out = createWriteStream('backup/credentials.json');", {
      at: 'createWriteStream(',
      fix: ["'backup/credentials.json')", "'backup/credentials.json', { mode: 0o600 })"],
    }),
    high("import { createWriteStream } from 'fs';\nconst out = createWriteStream('tokens.json', { flags: 'a' });", {
      at: 'createWriteStream(',
      fix: ["{ flags: 'a' }", "{ mode: 0o600, flags: 'a' }"],
    }),
    high("import fs from 'node:fs';\nconst fd = fs.openSync('server.key', 'w');", {
      at: 'fs.openSync',
      fix: ["'w')", "'w', 0o600)"],
    }),
    high("import fs from 'node:fs';\nfs.open('id_rsa', 'wx', (err, fd) => {});", {
      at: 'fs.open',
      fix: ['(err, fd)', '0o600, (err, fd)'],
    }),
    // Node's callback form: the callback is no options object.
    high("const fs = require('fs');\nfs.writeFile('server.key', pem, done);", {
      at: 'fs.writeFile',
      fix: ['done)', '{ mode: 0o600 }, done)'],
    }),
    high("import fs from 'node:fs';\nfs.mkdir('secrets', (err) => {});", {
      at: 'fs.mkdir',
      messageId: 'secretDirectoryMode',
      fix: ['(err)', '{ mode: 0o700 }, (err)'],
    }),
    // An OAuth token response's field is a credential by what it is.
    high("import { writeFile } from 'fs/promises';\nawait writeFile(cacheFile, tokens.refresh_token);", {
      at: 'writeFile(cacheFile',
      fix: ['refresh_token)', 'refresh_token, { mode: 0o600 })'],
    }),
    // A readable mode, given explicitly.
    high("import fs from 'node:fs';\nfs.writeFileSync('server.key', pem, { mode: 0o644 });", {
      at: 'fs.writeFileSync',
      messageId: 'secretFileReadableMode',
      fix: ['0o644', '0o600'],
    }),
    high("import fs from 'node:fs';\nfs.writeFileSync('server.key', pem, { mode: 420 });", {
      at: 'fs.writeFileSync',
      messageId: 'secretFileReadableMode',
      fix: ['420', '0o600'],
    }),
    medium(MEDIUM_ONLY.envReadableMode, {
      at: 'fs.writeFileSync',
      messageId: 'secretFileReadableMode',
      fix: ["'640'", '0o600'],
    }),
    medium(MEDIUM_ONLY.envScaffold, {
      at: 'fs.promises.writeFile',
      fix: ["join('\\n'))", "join('\\n'), { mode: 0o600 })"],
    }),
    high("import fs from 'node:fs';\nconst fd = fs.openSync('server.key', 'w', 0o644);", {
      at: 'fs.openSync',
      messageId: 'secretFileReadableMode',
      fix: ['0o644', '0o600'],
    }),
    high(BUILT_FROM_SECRETS.renderedEnv, { at: 'fs.writeFileSync', fix: ['content)', 'content, { mode: 0o600 })'] }),
    high(BUILT_FROM_SECRETS.destructuredSource, {
      at: 'fs.promises.writeFile',
      fix: ['envSource)', 'envSource, { mode: 0o600 })'],
    }),
    high(BUILT_FROM_SECRETS.helperBuiltEnv, {
      at: 'writeFileSync(envFile',
      fix: ['TEMPLATE }))', 'TEMPLATE }), { mode: 0o600 })'],
    }),
    high(BUILT_FROM_SECRETS.fileMapTfvars, {
      at: 'writeFileSync(resolve',
      fix: ['filename), content)', 'filename), content, { mode: 0o600 })'],
    }),
    high(BUILT_FROM_SECRETS.storeWithToken, {
      at: 'fs.writeFileSync',
      fix: ['JSON.stringify(this.configJSON))', 'JSON.stringify(this.configJSON), { mode: 0o600 })'],
    }),
    high(BUILT_FROM_SECRETS.tokenInHomeConfig, {
      at: 'fs.writeFileSync',
      fix: ['{ accessToken }))', '{ accessToken }), { mode: 0o600 })'],
    }),
    high(BUILT_FROM_SECRETS.templateReadElsewhere, {
      at: 'fs.writeFileSync',
      fix: ['${apiKey}`))', '${apiKey}`), { mode: 0o600 })'],
    }),
    medium(MEDIUM_ONLY.envFromPlaceholders, {
      at: 'fs.writeFileSync',
      fix: ['content)', 'content, { mode: 0o600 })'],
    }),
    medium(MEDIUM_ONLY.tokenInProjectConfig, {
      at: 'fs.writeFileSync',
      fix: ['{ token }))', '{ token }), { mode: 0o600 })'],
    }),
    // Secret data, wherever it goes.
    high(
      "import { generateKeyPairSync } from 'node:crypto';\nimport fs from 'node:fs';\nconst { privateKey } = generateKeyPairSync('ed25519', { privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });\nfs.writeFileSync(outPath, privateKey);",
      { at: 'fs.writeFileSync', fix: ['privateKey);', 'privateKey, { mode: 0o600 });'] },
    ),
    high("import fs from 'node:fs';\nfs.writeFileSync('/tmp/gh', process.env.GITHUB_TOKEN!);", {
      at: 'fs.writeFileSync',
      fix: ['GITHUB_TOKEN!)', 'GITHUB_TOKEN!, { mode: 0o600 })'],
    }),
    high(
      "import fs from 'node:fs';\nconst apiKey = decrypt(stored, masterKey);\nfs.writeFileSync(cacheFile, apiKey);",
      {
        at: 'fs.writeFileSync',
        fix: ['apiKey);', 'apiKey, { mode: 0o600 });'],
      },
    ),
    high(`import fs from 'node:fs';\nconst KEY = '${PEM}';\nfs.writeFileSync(target, KEY);`, {
      at: 'fs.writeFileSync',
      fix: ['KEY);', 'KEY, { mode: 0o600 });'],
    }),
    // A CA's key is no certificate.
    high("import fs from 'node:fs';\nfs.writeFileSync('ca.key', caKey);", {
      at: 'fs.writeFileSync',
      fix: ['caKey)', 'caKey, { mode: 0o600 })'],
    }),
    // chmod to a readable mode.
    high("import fs from 'node:fs';\nfs.chmodSync('server.key', 0o644);", {
      at: 'fs.chmodSync',
      messageId: 'secretFileChmod',
      fix: ['0o644', '0o600'],
    }),
    high("import { chmod } from 'node:fs/promises';\nawait chmod(join(home, '.ssh', 'id_ed25519'), 0o755);", {
      at: 'chmod(join',
      messageId: 'secretFileChmod',
      fix: ['0o755', '0o600'],
    }),
    medium(MEDIUM_ONLY.envChmod, {
      at: 'fs.chmodSync',
      messageId: 'secretFileChmod',
      fix: ["'644'", '0o600'],
    }),
    // fchmod of a descriptor opened on a key file.
    high("import fs from 'node:fs';\nconst fd = fs.openSync('server.key', 'r+');\nfs.fchmodSync(fd, 0o644);", {
      at: 'fs.fchmodSync',
      messageId: 'secretFileChmod',
      fix: ['0o644', '0o600'],
    }),
    // Secrets directories.
    high("import fs from 'node:fs';\nfs.mkdirSync(path.join(home, '.ssh'), { recursive: true });", {
      at: 'fs.mkdirSync',
      messageId: 'secretDirectoryMode',
      fix: ['{ recursive: true }', '{ mode: 0o700, recursive: true }'],
    }),
    high("import { mkdir } from 'fs/promises';\nawait mkdir('secrets', 0o755);", {
      at: 'mkdir(',
      messageId: 'secretDirectoryMode',
      fix: ['0o755', '0o700'],
    }),
    high("import fs from 'node:fs';\nfs.mkdirSync('secrets');", {
      at: 'fs.mkdirSync',
      messageId: 'secretDirectoryMode',
      fix: ["'secrets')", "'secrets', { mode: 0o700 })"],
    }),
    high("import fse from 'fs-extra';\nfse.ensureDirSync(`${root}/.secrets/prod`);", {
      at: 'fse.ensureDirSync',
      messageId: 'secretDirectoryMode',
      fix: ['/prod`)', '/prod`, { mode: 0o700 })'],
    }),
    // Created only when missing: the branch where the file does not exist.
    high("import fs from 'node:fs';\nif (!fs.existsSync('server.key')) fs.writeFileSync('server.key', pem);", {
      at: 'fs.writeFileSync',
      fix: ['pem)', 'pem, { mode: 0o600 })'],
    }),
    // A chmod of another path does not protect this one.
    high("import fs from 'node:fs';\nfs.writeFileSync('server.key', pem);\nfs.chmodSync('server.crt', 0o600);", {
      at: 'fs.writeFileSync',
      fix: ['pem)', 'pem, { mode: 0o600 })'],
    }),
    // Medium: a name is the only evidence.
    medium(MEDIUM_ONLY.apiKeyInConfig, {
      at: 'fs.writeFileSync',
      fix: ['null, 2))', 'null, 2), { mode: 0o600 })'],
    }),
    medium(MEDIUM_ONLY.tokenPath, { at: 'writeFile(tokenPath', fix: ['data)', 'data, { mode: 0o600 })'] }),
    medium(MEDIUM_ONLY.chmodNamedPath, {
      at: 'chmodSync(privateKeyPath',
      messageId: 'secretFileChmod',
      fix: ['0o644', '0o600'],
    }),
    medium(MEDIUM_ONLY.secretsDirByName, {
      at: 'mkdirSync(secretsDir',
      messageId: 'secretDirectoryMode',
      fix: ['{ recursive: true }', '{ mode: 0o700, recursive: true }'],
    }),
    // Typed: the same findings with type information.
    {
      ...high("import fs from 'node:fs';\nfs.writeFileSync('server.key', pem);", {
        at: 'fs.writeFileSync',
        fix: ['pem)', 'pem, { mode: 0o600 })'],
      }),
      ...typed,
    },
    {
      ...high("import fs from 'node:fs';\nfs.chmodSync('server.key', 0o644);", {
        at: 'fs.chmodSync',
        messageId: 'secretFileChmod',
        fix: ['0o644', '0o600'],
      }),
      ...typed,
    },
    {
      ...high("import fs from 'node:fs';\nfs.writeFileSync('/tmp/gh', process.env.GITHUB_TOKEN!);", {
        at: 'fs.writeFileSync',
        fix: ['GITHUB_TOKEN!)', 'GITHUB_TOKEN!, { mode: 0o600 })'],
      }),
      ...typed,
    },
  ],
});
