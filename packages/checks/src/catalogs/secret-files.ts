/**
 * The catalog of secret files: the file-system calls that create, open, re-permission or hold files,
 * and the paths that name key and credential files. Data only; `no-insecure-secret-file` reads it.
 */

/** Modules whose exports are Node's file-system API (or a superset of it), after `node:` is stripped. */
export const FS_MODULES: readonly string[] = ['fs', 'fs/promises', 'fs-extra', 'graceful-fs'];

/** What a file-system call does to the file its path argument names. */
export type FsCallKind =
  /** Writes data, creating the file when it is missing (with the call's `mode`, default 0o666 & ~umask). */
  | 'write'
  /** Opens a file (descriptor or stream); creates it when its flags write. */
  | 'open'
  /** Sets the file's permission bits. */
  | 'chmod'
  /** Creates a directory (default 0o777 & ~umask). */
  | 'mkdir';

/** One file-system call: what it does and where its arguments are. */
export interface FsCall {
  readonly kind: FsCallKind;
  /** The path (or, for `fchmod`, descriptor) argument. */
  readonly path: number;
  /** The data argument of a write. */
  readonly data?: number;
  /** The options argument (an object with `mode`, an encoding string, or a mode number for `mkdir`). */
  readonly options?: number;
  /** The mode argument when the call takes it bare (`chmod(path, mode)`, `open(path, flags, mode)`). */
  readonly mode?: number;
  /** The flags argument of `open` (default `'r'`, which creates nothing). */
  readonly flags?: number;
}

const write: FsCall = { kind: 'write', path: 0, data: 1, options: 2 };
const chmod: FsCall = { kind: 'chmod', path: 0, mode: 1 };
const mkdir: FsCall = { kind: 'mkdir', path: 0, options: 1 };

/**
 * The calls, by exported name; the same names under `promises.` (`fs.promises.writeFile`) and in
 * `fs/promises`. fs-extra's `outputFile`/`outputJson`/`writeJson` create parent directories too.
 */
export const FS_CALLS: Readonly<Record<string, FsCall>> = {
  writeFile: write,
  writeFileSync: write,
  appendFile: write,
  appendFileSync: write,
  outputFile: write,
  outputFileSync: write,
  writeJson: write,
  writeJsonSync: write,
  writeJSON: write,
  writeJSONSync: write,
  outputJson: write,
  outputJsonSync: write,
  outputJSON: write,
  outputJSONSync: write,
  createWriteStream: { kind: 'open', path: 0, options: 1 },
  open: { kind: 'open', path: 0, flags: 1, mode: 2 },
  openSync: { kind: 'open', path: 0, flags: 1, mode: 2 },
  chmod,
  chmodSync: chmod,
  lchmod: chmod,
  lchmodSync: chmod,
  fchmod: chmod,
  fchmodSync: chmod,
  mkdir,
  mkdirSync: mkdir,
  mkdirp: mkdir,
  mkdirpSync: mkdir,
  mkdirs: mkdir,
  mkdirsSync: mkdir,
  ensureDir: mkdir,
  ensureDirSync: mkdir,
};

/** Calls, besides the shared sanitizers, whose result is safe in a readable file: ciphertext. */
export const FILE_PROTECTION_CALLS: readonly string[] = ['seal', 'keyring', 'kms', 'cipher'];

/** Permission bits that let the group or others read a file (`0o044`); a file must have none of them. */
export const OTHERS_READ_BITS = 0o044;
/** Permission bits of the group and others; a secrets directory must have none of them (`0o700`). */
export const GROUP_OTHER_BITS = 0o077;
/** Node's default mode of a new file and of a new directory, before the umask. */
export const DEFAULT_FILE_MODE = 0o666;
export const DEFAULT_DIR_MODE = 0o777;

/** What a secret file is, by its name: a key, a credential store, an env file, a token. */
export type SecretFileKind = 'private key' | 'credentials' | 'env file' | 'token';

/**
 * Base names (lower case) that hold secrets. Matched by `SECRET_FILE_PATTERNS` below; exact names
 * here, extensions and shapes there.
 */
export const SECRET_FILE_NAMES: Readonly<Record<string, SecretFileKind>> = {
  id_rsa: 'private key',
  id_dsa: 'private key',
  id_ecdsa: 'private key',
  id_ed25519: 'private key',
  id_ecdsa_sk: 'private key',
  id_ed25519_sk: 'private key',
  credentials: 'credentials',
  'credentials.json': 'credentials',
  '.credentials': 'credentials',
  '.credentials.json': 'credentials',
  '.git-credentials': 'credentials',
  '.netrc': 'credentials',
  _netrc: 'credentials',
  '.pgpass': 'credentials',
  '.my.cnf': 'credentials',
  'service-account.json': 'credentials',
  'serviceaccount.json': 'credentials',
  token: 'token',
  '.token': 'token',
  'token.json': 'token',
  'tokens.json': 'token',
  '.env': 'env file',
};

/** Base-name shapes (lower case) that hold secrets. */
export const SECRET_FILE_PATTERNS: readonly { readonly pattern: RegExp; readonly kind: SecretFileKind }[] = [
  { pattern: /\.(?:key|pem|p12|pfx|jks|keystore|ppk|p8)$/, kind: 'private key' },
  { pattern: /(?:^|[._-])private[._-]?key(?:\.\w+)?$/, kind: 'private key' },
  { pattern: /^\.env\.[\w.-]+$/, kind: 'env file' },
  // Terraform's variable values (`terraform.tfvars`, `prod.auto.tfvars`): the `.env` of an infrastructure project.
  { pattern: /\.tfvars(?:\.json)?$/, kind: 'env file' },
  { pattern: /^[\w-]*credentials?\.(?:json|ya?ml|ini|toml)$/, kind: 'credentials' },
  { pattern: /(?:^|[._-])(?:access|auth|api|refresh|bearer)?[._-]?token(?:s)?\.(?:txt|json)$/, kind: 'token' },
  { pattern: /\.token$/, kind: 'token' },
];

/**
 * Base names and shapes that look like the above and are public by design: public keys, certificates
 * and chains (a certificate holds no secret), env templates.
 */
export const PUBLIC_FILE_PATTERNS: readonly RegExp[] = [
  /\.pub$/,
  /\.(?:crt|cer|der|csr)$/,
  /(?:^|[._-])(?:cert|certificate|chain|fullchain|ca|ca-bundle|bundle|public|pub|pubkey|csr)\.pem$/,
  /(?:^|[._-])public[._-]?key(?:\.\w+)?$/,
  /^\.env\.(?:example|sample|template|defaults|dist|schema|vault|test|ci)(?:\.\w+)?$/,
  /\.env\.(?:example|sample|template)$/,
];

/**
 * Environment variables that hold the path of a credential file, by convention of the tool that reads
 * it: a file written to the path one of them names is a credential file.
 */
export const CREDENTIAL_FILE_ENV_VARS: readonly string[] = [
  'GOOGLE_APPLICATION_CREDENTIALS',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AZURE_CLIENT_CERTIFICATE_PATH',
  'KUBECONFIG',
  'NETRC',
  'PGPASSFILE',
  'GIT_SSH_KEY',
  'SSH_PRIVATE_KEY_PATH',
];

/** Directory names whose contents are secrets: one created must be `0o700`. */
export const SECRET_DIRECTORY_NAMES: readonly string[] = [
  '.ssh',
  '.gnupg',
  'secrets',
  '.secrets',
  'credentials',
  '.credentials',
  'private-keys',
  'private_keys',
];
