import type * as ts from 'typescript';
import {
  calleeName,
  constInitializer,
  enclosingFunctionOrFile,
  forEachDescendant,
  isFunctionLike,
  objectLiteralOf,
  objectPropertyValue,
  resolveIdentifier,
  shortText,
  skipOuterExpressions,
  staticNumber,
  staticString,
} from '../ast/index.js';
import { defineCheck, type Confidence, type TextEdit, type TypeScript } from '../check.js';
import {
  CREDENTIAL_FILE_ENV_VARS,
  DEFAULT_DIR_MODE,
  DEFAULT_FILE_MODE,
  FILE_PROTECTION_CALLS,
  FS_CALLS,
  FS_MODULES,
  GROUP_OTHER_BITS,
  OTHERS_READ_BITS,
  PUBLIC_FILE_PATTERNS,
  SECRET_DIRECTORY_NAMES,
  SECRET_FILE_NAMES,
  SECRET_FILE_PATTERNS,
  type FsCall,
  type SecretFileKind,
} from '../catalogs/secret-files.js';
import {
  createFlowContext,
  DEFAULT_SANITIZERS,
  envReadOf,
  sanitizersOptionSchema,
  sourceEvidence,
  valueSources,
  originOf,
  type FlowContext,
} from '../flow/index.js';
import { OAUTH_TOKEN_FIELDS } from '../catalogs/db-writes.js';
import { detectSecretLiteral } from '../literals/index.js';
import { classifyName, splitWords } from '../names/index.js';
import { apiLocationOf } from '../nonce/api-location.js';

export interface NoInsecureSecretFileOptions {
  /** Calls whose result is safe to write readable (encrypt, seal helpers). Replaces the built-in list when given. */
  readonly sanitizers: readonly string[];
  /** Report secrets directories created without `0o700`. */
  readonly checkDirectories: boolean;
}

type MessageId =
  'secretFileWithoutMode' | 'secretFileReadableMode' | 'secretFileChmod' | 'secretDirectoryMode' | 'addOwnerOnlyMode';

/** A file-system call of the catalog, found in code. */
interface FoundFsCall {
  readonly call: ts.CallExpression;
  readonly spec: FsCall;
  /** `fs.writeFileSync`, `writeFile`: the callee as written, for messages. */
  readonly name: string;
  /** Node's callback form (`fs.writeFile(path, data, cb)`): a last argument may be the callback, not options. */
  readonly callbackStyle: boolean;
}

/** What a path is seen to be. */
interface PathEvidence {
  readonly kind: SecretFileKind | 'secrets directory';
  /** `file`: the path's own text names a key or credential file; `name`: only a variable's name says so. */
  readonly strength: 'file' | 'name';
  /** For messages: the base name or the variable (code text, never a value). */
  readonly display: string;
}

/** What written data is seen to be. */
interface ContentEvidence {
  /** For messages: code text (a name), never the value. */
  readonly display: string;
  /** `seen`: the value is a secret by what it is; `name`: only its name says so. */
  readonly strength: 'seen' | 'name' | 'weak';
}

/** How a call sets the mode of what it creates. */
type ModeOf =
  | { readonly state: 'missing' }
  | { readonly state: 'known'; readonly mode: number; readonly node: ts.Expression }
  /** Computed, or an options object built elsewhere: out of sight, not judged. */
  | { readonly state: 'unknown' };

const FS_MODULE_SET = new Set(FS_MODULES);
const OAUTH_FIELDS = new Set(OAUTH_TOKEN_FIELDS);
const PATH_JOINERS = new Set(['join', 'resolve', 'normalize']);
/** Words that make a variable name a path (`privateKeyPath`, `tokenFile`, `secretsDir`). */
const PATH_WORDS = new Set(['path', 'file', 'filename', 'filepath', 'dir', 'directory', 'folder', 'location']);
/** Flags that create a missing file (`w`, `wx`, `w+`, `a`, `ax+`...); `r+` opens an existing one only. */
const CREATING_FLAGS = /^[wa]/;
const MAX_HOPS = 4;

export const noInsecureSecretFile = defineCheck<NoInsecureSecretFileOptions, MessageId>({
  id: 'no-insecure-secret-file',
  meta: {
    type: 'problem',
    description: 'Disallow secrets written to files, or secrets directories created, that other users can read',
    messages: {
      secretFileWithoutMode:
        '{{what}} is written to {{file}} by {{call}} without a mode: a new file gets 0o666 minus the umask, usually 0o644, which every user on the machine can read. Pass { mode: 0o600 }.',
      secretFileReadableMode:
        '{{what}} is written to {{file}} by {{call}} with mode {{mode}}, which lets the group or others read it. Use 0o600 (or 0o400).',
      secretFileChmod:
        '{{call}} gives {{file}} mode {{mode}}, which lets the group or others read it. Use 0o600 (or 0o400).',
      secretDirectoryMode:
        '{{call}} creates the secrets directory {{file}} {{how}}, which lets other users list and read into it. Pass { mode: 0o700 }.',
      addOwnerOnlyMode: 'Create it with mode {{mode}} (owner only).',
    },
    schema: {
      type: 'object',
      properties: {
        sanitizers: sanitizersOptionSchema('write to a readable file', 'encrypt, seal helpers'),
        checkDirectories: {
          type: 'boolean',
          description: 'Report secrets directories (`.ssh`, `secrets`, `credentials`) created without mode 0o700.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { sanitizers: [...DEFAULT_SANITIZERS, ...FILE_PROTECTION_CALLS], checkDirectories: true },
    level: 'recommended',
    hasSuggestions: true,
    securitySeverity: 5.5,
  },
  create(context) {
    const t = context.ts;
    const flow = createFlowContext(t, {
      checker: context.checker,
      settings: context.settings,
      sanitizers: context.options.sanitizers,
    });
    // `process.umask(0o077)` anywhere in the file: every file and directory it creates is owner-only.
    let privateUmask = false;
    const pending: (() => void)[] = [];

    const judge = (found: FoundFsCall): void => {
      const { call, spec } = found;
      const pathArg = call.arguments[spec.path];
      if (!pathArg) return;
      if (spec.kind === 'mkdir') {
        if (!context.options.checkDirectories) return;
        const dir = directoryEvidence(flow, pathArg);
        if (!dir) return;
        const mode = modeOf(t, found);
        if (mode.state === 'unknown' || (mode.state === 'known' && (mode.mode & GROUP_OTHER_BITS) === 0)) return;
        pending.push(() =>
          context.report({
            node: call,
            messageId: 'secretDirectoryMode',
            data: {
              call: found.name,
              file: dir.display,
              how:
                mode.state === 'missing'
                  ? `without a mode (${octal(DEFAULT_DIR_MODE)} minus the umask, usually 0o755)`
                  : `with mode ${octal(mode.mode)}`,
            },
            confidence: dir.strength === 'file' ? 'high' : 'medium',
            suggestions: modeSuggestion(t, found, mode, 0o700),
          }),
        );
        return;
      }
      if (spec.kind === 'chmod') {
        const mode = modeOf(t, found);
        if (mode.state !== 'known' || (mode.mode & OTHERS_READ_BITS) === 0) return;
        const path = pathEvidence(flow, openedPath(t, pathArg) ?? pathArg);
        if (!path || path === 'public') return;
        pending.push(() =>
          context.report({
            node: call,
            messageId: 'secretFileChmod',
            data: { call: found.name, file: path.display, mode: octal(mode.mode) },
            confidence: evidentPath(path) ? 'high' : 'medium',
            suggestions: modeSuggestion(t, found, mode, 0o600),
          }),
        );
        return;
      }
      if (spec.kind === 'open' && !createsFile(t, call, spec)) return;
      const mode = modeOf(t, found);
      if (mode.state === 'unknown' || (mode.state === 'known' && (mode.mode & OTHERS_READ_BITS) === 0)) return;
      const path = pathEvidence(flow, pathArg);
      if (path === 'public') return;
      const dataArg = spec.data === undefined ? undefined : call.arguments[spec.data];
      const content = dataArg ? contentEvidence(flow, dataArg) : undefined;
      if (!path && !content) return;
      // `writeFileSync(`${domain}.pem`, certificate)`: a certificate in a `.pem` is public.
      if (!content && dataArg && namesPublicMaterial(t, dataArg)) return;
      // `writeFileSync(p, key); chmodSync(p, 0o600)`: made private right after.
      if (mode.state === 'missing' && chmodedPrivate(flow, call, pathArg)) return;
      // `if (existsSync(p)) writeFile(p, ...)`: rewrites a file that exists; a write's mode applies only on creation.
      if (rewritesExisting(t, call, pathArg)) return;
      const confidence = writeConfidence(path, content);
      pending.push(() =>
        context.report({
          node: call,
          messageId: mode.state === 'missing' ? 'secretFileWithoutMode' : 'secretFileReadableMode',
          data: {
            what: content ? content.display : 'Data',
            file: path ? path.display : shortText(pathArg, 40),
            call: found.name,
            mode: mode.state === 'known' ? octal(mode.mode) : octal(DEFAULT_FILE_MODE),
          },
          confidence,
          suggestions: modeSuggestion(t, found, mode, 0o600),
        }),
      );
    };

    return {
      visit(node) {
        if (!t.isCallExpression(node)) return;
        if (isPrivateUmask(t, node)) privateUmask = true;
        const found = fsCallOf(t, node);
        if (found) judge(found);
      },
      end() {
        if (!privateUmask) for (const report of pending) report();
      },
    };
  },
});

/**
 * High when the data or the path is a secret by what it is (a private key, an env secret, a
 * decrypted value; a `.pem`, `id_rsa` or credentials path); medium when only a name says so
 * (`writeFileSync(file, apiKey)`, `writeFileSync(tokenPath, data)`) or the path is a `.env` file
 * and the data is not seen to be secret; low for a vaguely named value alone.
 */
function writeConfidence(path: PathEvidence | undefined, content: ContentEvidence | undefined): Confidence {
  if (content?.strength === 'seen' || (path && evidentPath(path))) return 'high';
  if (content?.strength === 'name' || path) return 'medium';
  return 'low';
}

/**
 * A path that names a key or credential file by itself. A `.env` file alone is not: project
 * generators and installers write it into a project directory, usually under the user's home
 * directory, often with development values (see the docs page's debatable class); its data decides.
 */
function evidentPath(path: PathEvidence): boolean {
  return path.strength === 'file' && path.kind !== 'env file';
}

// ---- calls ---------------------------------------------------------------------------------------

/** The catalog call `call` makes, judged by where its callee was imported from (`fs`, `node:fs/promises`, `fs-extra`...). */
function fsCallOf(t: TypeScript, call: ts.CallExpression): FoundFsCall | undefined {
  const name = calleeName(t, call.expression);
  if (name === undefined) return undefined;
  // `import { writeFileSync as write } from 'fs'`: an identifier may be a renamed import; resolved
  // only in files that import a file-system module at all (a lookup per call costs).
  if (!Object.hasOwn(FS_CALLS, name) && !(t.isIdentifier(call.expression) && importsFsModule(call.getSourceFile())))
    return undefined;
  const location = apiLocationOf(t, call.expression);
  if (!location) return undefined;
  const module = location.module.replace(/^node:/, '');
  let path = location.path;
  if (module === 'global') {
    // An `fs` the file does not declare (a script's global): only by that name.
    if (path[0] !== 'fs') return undefined;
    path = path.slice(1);
  } else if (!FS_MODULE_SET.has(module)) return undefined;
  if (path[0] === 'default') path = path.slice(1);
  const promises = path[0] === 'promises' || module === 'fs/promises';
  if (path[0] === 'promises') path = path.slice(1);
  const api = path[0];
  if (path.length !== 1 || api === undefined || !Object.hasOwn(FS_CALLS, api)) return undefined;
  const callbackStyle = !promises && !api.endsWith('Sync') && module !== 'fs-extra';
  return { call, spec: FS_CALLS[api]!, name: shortText(call.expression, 40), callbackStyle };
}

const FS_SPECIFIER = new RegExp(`['"](?:node:)?(?:${FS_MODULES.map((m) => m.replace('/', '\\/')).join('|')})['"]`);
const importsFs = new WeakMap<ts.SourceFile, boolean>();

function importsFsModule(file: ts.SourceFile): boolean {
  let found = importsFs.get(file);
  if (found === undefined) importsFs.set(file, (found = FS_SPECIFIER.test(file.text)));
  return found;
}

/** `fchmod(fd, mode)` after `const fd = openSync(path, ...)`: the path the descriptor was opened on. */
function openedPath(t: TypeScript, fd: ts.Expression): ts.Expression | undefined {
  const expr = skipOuterExpressions(t, fd);
  if (!t.isIdentifier(expr)) return undefined;
  let init = constInitializer(t, resolveIdentifier(t, expr, undefined));
  if (init && t.isAwaitExpression(skipOuterExpressions(t, init)))
    init = (skipOuterExpressions(t, init) as ts.AwaitExpression).expression;
  const call = init && skipOuterExpressions(t, init);
  if (!call || !t.isCallExpression(call)) return undefined;
  const found = fsCallOf(t, call);
  return found?.spec.kind === 'open' ? call.arguments[found.spec.path] : undefined;
}

/** `open(path, 'w')`, `createWriteStream(path)`: the call creates the file when missing. */
function createsFile(t: TypeScript, call: ts.CallExpression, spec: FsCall): boolean {
  let flags: ts.Expression | undefined;
  if (spec.flags !== undefined) {
    flags = call.arguments[spec.flags];
    if (!flags) return false; // `open(path)` reads
  } else if (spec.options !== undefined) {
    const options = call.arguments[spec.options];
    flags = options && objectLiteralOf(t, options) ? objectPropertyValue(t, options, 'flags') : undefined;
    if (!flags) return true; // `createWriteStream` writes ('w') by default
  }
  if (!flags) return false;
  const text = staticString(t, skipOuterExpressions(t, flags));
  return text !== undefined && CREATING_FLAGS.test(text);
}

/** The mode a call gives what it creates or changes. */
function modeOf(t: TypeScript, found: FoundFsCall): ModeOf {
  const { call, spec } = found;
  if (spec.mode !== undefined) {
    const node = call.arguments[spec.mode];
    // `open(path, 'w', (err, fd) => ...)`: the callback takes the mode's place.
    return node && !isCallback(t, node) ? modeValue(t, node) : { state: 'missing' };
  }
  const options = optionsArgument(t, found);
  if (!options) return { state: 'missing' };
  const expr = skipOuterExpressions(t, options);
  // `writeFile(p, data, 'utf8')`: an encoding; `mkdir(p, 0o700)`: a mode.
  if (staticString(t, expr) !== undefined) return spec.kind === 'mkdir' ? modeValue(t, expr) : { state: 'missing' };
  if (t.isNumericLiteral(expr) || staticNumber(t, expr) !== undefined) return modeValue(t, expr);
  const object = objectLiteralOf(t, expr);
  if (!object) return { state: 'unknown' };
  if (object.properties.some((p) => t.isSpreadAssignment(p))) return { state: 'unknown' };
  const mode = objectPropertyValue(t, expr, 'mode');
  return mode ? modeValue(t, mode) : { state: 'missing' };
}

/** `0o600`, `384`, `'600'` (Node reads a string as octal), through `const`s. */
function modeValue(t: TypeScript, node: ts.Expression): ModeOf {
  const expr = skipOuterExpressions(t, node);
  const number = staticNumber(t, expr);
  if (number !== undefined) return { state: 'known', mode: number, node: expr };
  const text = staticString(t, expr);
  if (text !== undefined && /^(?:0o)?[0-7]{1,4}$/i.test(text))
    return { state: 'known', mode: parseInt(text.replace(/^0o/i, ''), 8), node: expr };
  if (t.isIdentifier(expr) && (expr.text === 'undefined' || undefinedInit(t, expr))) return { state: 'missing' };
  return { state: 'unknown' };
}

/** The options argument, unless what stands there is the callback (`writeFile(path, data, cb)`, `mkdir(dir, cb)`). */
function optionsArgument(t: TypeScript, found: FoundFsCall): ts.Expression | undefined {
  const { call, spec } = found;
  const options = spec.options === undefined ? undefined : call.arguments[spec.options];
  if (!options || isCallback(t, options)) return undefined;
  const last = call.arguments.length === spec.options! + 1;
  const expr = skipOuterExpressions(t, options);
  // A bare identifier last in Node's callback form is the callback; options come before it.
  return found.callbackStyle && last && t.isIdentifier(expr) && !objectLiteralOf(t, expr) ? undefined : options;
}

function isCallback(t: TypeScript, node: ts.Expression): boolean {
  const expr = skipOuterExpressions(t, node);
  return t.isArrowFunction(expr) || t.isFunctionExpression(expr);
}

function undefinedInit(t: TypeScript, id: ts.Identifier): boolean {
  const init = constInitializer(t, resolveIdentifier(t, id, undefined));
  return init !== undefined && t.isIdentifier(init) && init.text === 'undefined';
}

/** `process.umask(0o077)`: new files and directories get no group or other bits. */
function isPrivateUmask(t: TypeScript, call: ts.CallExpression): boolean {
  if (calleeName(t, call.expression) !== 'umask' || !call.arguments[0]) return false;
  const mode = modeValue(t, call.arguments[0]);
  return mode.state === 'known' && (mode.mode & GROUP_OTHER_BITS) === GROUP_OTHER_BITS;
}

/**
 * A catalog `chmod` of the same path (same code text) to an owner-only mode in the write's function:
 * `writeFileSync(keyPath, pem); chmodSync(keyPath, 0o600)`.
 */
function chmodedPrivate(flow: FlowContext, write: ts.CallExpression, pathArg: ts.Expression): boolean {
  const t = flow.ts;
  const target = compact(pathArg.getText());
  return forEachDescendant(t, enclosingFunctionOrFile(t, write), (node) => {
    if (!t.isCallExpression(node) || node === write) return undefined;
    const found = fsCallOf(t, node);
    if (!found || found.spec.kind !== 'chmod') return undefined;
    const path = node.arguments[found.spec.path];
    const mode = modeOf(t, found);
    const same = path !== undefined && compact(path.getText()) === target;
    return same && mode.state === 'known' && (mode.mode & OTHERS_READ_BITS) === 0 ? 'stop' : undefined;
  });
}

const compact = (text: string) => text.replace(/\s+/g, '');

/**
 * The write sits where `existsSync(path)` of the same path (same code text) holds: in the `then`
 * branch of `if (existsSync(p))` or the `else` branch of `if (!existsSync(p))`.
 */
function rewritesExisting(t: TypeScript, write: ts.CallExpression, pathArg: ts.Expression): boolean {
  const target = compact(pathArg.getText());
  let child: ts.Node = write;
  for (let node = write.parent; node && !isFunctionLike(t, node); child = node, node = node.parent) {
    if (!t.isIfStatement(node) || child === node.expression) continue;
    let condition = skipOuterExpressions(t, node.expression);
    let negated = false;
    if (t.isPrefixUnaryExpression(condition) && condition.operator === t.SyntaxKind.ExclamationToken) {
      negated = true;
      condition = skipOuterExpressions(t, condition.operand);
    }
    if (!t.isCallExpression(condition) || calleeName(t, condition.expression) !== 'existsSync') continue;
    const checked = condition.arguments[0];
    if (!checked || compact(checked.getText()) !== target) continue;
    if ((child === node.thenStatement) !== negated) return true;
  }
  return false;
}

// ---- paths ---------------------------------------------------------------------------------------

/** What a path expression is made of (see `pathParts`). */
interface PathParts {
  readonly texts: string[];
  readonly names: string[];
  /** Environment variables read for the path (`GOOGLE_APPLICATION_CREDENTIALS`). */
  readonly envs: string[];
}

/**
 * The path's static parts, last first: `join(home, '.ssh', 'id_rsa')` -> `['id_rsa', '.ssh']`,
 * `` `${dir}/key.pem` `` -> `['/key.pem']`; and the variable names on the way (`keyPath`).
 */
function pathParts(flow: FlowContext, node: ts.Expression, depth = 0): PathParts {
  const t = flow.ts;
  const out: PathParts = { texts: [], names: [], envs: [] };
  if (depth > MAX_HOPS) return out;
  const expr = skipOuterExpressions(t, node);
  // `process.env.GOOGLE_APPLICATION_CREDENTIALS`, `env('KUBECONFIG')`, through a `const`.
  const read =
    t.isIdentifier(expr) || t.isPropertyAccessExpression(expr) || t.isCallExpression(expr)
      ? envReadOf(t, expr, flow.checker)
      : undefined;
  // `env('GOOGLE_APPLICATION_CREDENTIALS')` without the helper's body in sight: its name says what it reads.
  const asked =
    !read && t.isCallExpression(expr) && /env/i.test(calleeName(t, expr.expression) ?? '') && expr.arguments[0]
      ? staticString(t, expr.arguments[0])
      : undefined;
  if (read || asked !== undefined) {
    out.envs.push(read ? read.name : asked!);
    return out;
  }
  const text = staticString(t, expr);
  if (text !== undefined) {
    out.texts.push(text);
    return out;
  }
  if (t.isTemplateExpression(expr)) {
    const spans = expr.templateSpans;
    // The literal text after the last substitution is the file name's end: `${dir}/id_rsa`, `${name}.pem`.
    out.texts.push(spans[spans.length - 1]!.literal.text);
    for (let i = spans.length - 1; i >= 0; i--) {
      const inner = pathParts(flow, spans[i]!.expression, depth + 1);
      out.names.push(...inner.names);
      out.envs.push(...inner.envs);
      if (i > 0) out.texts.push(spans[i - 1]!.literal.text);
    }
    out.texts.push(expr.head.text);
    return out;
  }
  if (t.isBinaryExpression(expr) && expr.operatorToken.kind === t.SyntaxKind.PlusToken) {
    const right = pathParts(flow, expr.right, depth + 1);
    const left = pathParts(flow, expr.left, depth + 1);
    return {
      texts: [...right.texts, ...left.texts],
      names: [...right.names, ...left.names],
      envs: [...right.envs, ...left.envs],
    };
  }
  if (t.isCallExpression(expr)) {
    const name = calleeName(t, expr.expression);
    if (name && PATH_JOINERS.has(name)) {
      for (let i = expr.arguments.length - 1; i >= 0; i--) {
        const inner = pathParts(flow, expr.arguments[i]!, depth + 1);
        out.texts.push(...inner.texts);
        out.names.push(...inner.names);
        out.envs.push(...inner.envs);
      }
    }
    return out;
  }
  if (t.isIdentifier(expr) || t.isPropertyAccessExpression(expr)) {
    out.names.push(t.isIdentifier(expr) ? expr.text : expr.name.text);
    if (t.isIdentifier(expr)) {
      const init = constInitializer(t, resolveIdentifier(t, expr, undefined));
      if (init) {
        const inner = pathParts(flow, init, depth + 1);
        out.texts.push(...inner.texts);
        out.names.push(...inner.names);
        out.envs.push(...inner.envs);
      }
    }
  }
  return out;
}

/** The segments of static path text, last first, lower case, empty ones dropped. */
function segmentsOf(texts: readonly string[]): string[] {
  return texts.flatMap((text) =>
    text
      .toLowerCase()
      .split(/[\\/]/)
      .filter((s) => s !== '')
      .reverse(),
  );
}

/** A file's base name classified: a key, credential, env or token file; `public` for a public key or certificate. */
function classifyFileName(base: string): SecretFileKind | 'public' | undefined {
  if (PUBLIC_FILE_PATTERNS.some((p) => p.test(base))) return 'public';
  if (Object.hasOwn(SECRET_FILE_NAMES, base)) return SECRET_FILE_NAMES[base];
  return SECRET_FILE_PATTERNS.find((p) => p.pattern.test(base))?.kind;
}

/** A variable named as the path of a secret (`privateKeyPath`, `tokenFile`, `credentialsDir`). */
function namedSecretPath(flow: FlowContext, name: string): boolean {
  const c = classifyName(name, flow.classifier);
  const last = splitWords(name).pop()?.toLowerCase();
  return c.verdict === 'metadata' && c.kind !== undefined && last !== undefined && PATH_WORDS.has(last);
}

/**
 * What the path of a written file is: a key or credential file by its name (`id_rsa`, `server.key`,
 * `.env`, `credentials.json`, a file under `secrets/`), a path variable named so (`privateKeyPath`),
 * `public` for a public key or certificate (`id_rsa.pub`, `cert.pem`), or nothing known.
 */
function pathEvidence(flow: FlowContext, node: ts.Expression): PathEvidence | 'public' | undefined {
  const parts = pathParts(flow, node);
  const segments = segmentsOf(parts.texts);
  const lastText = parts.texts[0];
  // The base name is known when the last static text ends the path (not `${dir}/` before a name).
  const base = lastText !== undefined && !/[\\/]$/.test(lastText) ? segments[0] : undefined;
  if (base !== undefined) {
    const kind = classifyFileName(base);
    if (kind === 'public') return 'public';
    if (kind)
      return { kind, strength: 'file', display: `'${base}' (${a(kind.endsWith('file') ? kind : `${kind} file`)})` };
  }
  const dir = segments.slice(base === undefined ? 0 : 1).find((s) => ['secrets', '.secrets'].includes(s));
  if (dir !== undefined) return { kind: 'credentials', strength: 'file', display: `'${base ?? '…'}' under '${dir}/'` };
  const fromEnv = parts.envs.find((name) => CREDENTIAL_FILE_ENV_VARS.includes(name));
  if (fromEnv !== undefined)
    return { kind: 'credentials', strength: 'file', display: `$${fromEnv} (a credentials file)` };
  const named = [...parts.names, ...parts.envs].find((n) => namedSecretPath(flow, n));
  if (named !== undefined && base === undefined)
    return { kind: 'credentials', strength: 'name', display: `'${named}'` };
  return undefined;
}

/** What a created directory is: a secrets directory by its name (`.ssh`, `secrets`), or by a variable's name (`secretsDir`). */
function directoryEvidence(flow: FlowContext, node: ts.Expression): PathEvidence | undefined {
  const parts = pathParts(flow, node);
  const segments = segmentsOf(parts.texts);
  const dir = segments.find((s) => SECRET_DIRECTORY_NAMES.includes(s));
  if (dir !== undefined) return { kind: 'secrets directory', strength: 'file', display: `'${dir}'` };
  const named = parts.names.find((n) => namedSecretPath(flow, n));
  return named === undefined ? undefined : { kind: 'secrets directory', strength: 'name', display: `'${named}'` };
}

// ---- content -------------------------------------------------------------------------------------

/**
 * What the written data is: a private key or credential literal, a value from a secret source (an env
 * secret, a decrypted value, a generated key pair's private key), or a secret-named value.
 */
function contentEvidence(flow: FlowContext, node: ts.Expression): ContentEvidence | undefined {
  const t = flow.ts;
  const literal = literalSecret(t, node);
  if (literal) return { display: `A ${literal}`, strength: 'seen' };
  // Where the value was made first (`decrypt(...)` behind `const apiKey = ...`): the flow analysis
  // stops at a secret name on the way.
  const origin = originOf(flow, node);
  const upstream = origin !== skipOuterExpressions(t, node) ? valueSources(flow, origin) : [];
  const flows = [...upstream, ...valueSources(flow, node)];
  if (flows.length === 0) return undefined;
  const ranked = flows.map((f) => {
    const evidence = sourceEvidence(flow, f.source);
    const node = f.source.node;
    // A private key named so (`privateKey` of `generateKeyPairSync`) is one by what it holds; so is
    // a field of an OAuth token response (`tokens.refresh_token`).
    const issued = t.isPropertyAccessExpression(node) && OAUTH_FIELDS.has(node.name.text);
    const strength: ContentEvidence['strength'] =
      evidence === 'value' || issued || (evidence === 'credential-name' && f.source.kind === 'private-key')
        ? 'seen'
        : evidence === 'credential-name'
          ? 'name'
          : 'weak';
    return { display: `'${f.source.name}' (${f.source.kind})`, strength };
  });
  const order = ['seen', 'name', 'weak'];
  return ranked.sort((x, y) => order.indexOf(x.strength) - order.indexOf(y.strength))[0];
}

/** Words that name public key material: a certificate, a chain, a public key, a CSR. */
const PUBLIC_MATERIAL_WORDS = new Set([
  'cert',
  'certs',
  'certificate',
  'certificates',
  'chain',
  'fullchain',
  'csr',
  'public',
  'pub',
  'ca',
]);

/** Data named as public key material: `certificate`, `bundle.cert`, `chainPem`, `publicKey.export()`. */
function namesPublicMaterial(t: TypeScript, node: ts.Expression): boolean {
  let expr = skipOuterExpressions(t, node);
  // `cert.toString()`, `publicKey.export({ ... })`: the receiver names it.
  while (t.isCallExpression(expr) && t.isPropertyAccessExpression(expr.expression))
    expr = skipOuterExpressions(t, expr.expression.expression);
  const name = t.isIdentifier(expr) ? expr.text : t.isPropertyAccessExpression(expr) ? expr.name.text : undefined;
  if (name === undefined) return false;
  const words = splitWords(name).map((w) => w.toLowerCase());
  if (words.includes('private')) return false;
  if (words.includes('public') || words.includes('pub')) return true;
  // `caKey`, `certKey`: the key of a CA or of a certificate is private.
  return !words.includes('key') && words.some((w) => PUBLIC_MATERIAL_WORDS.has(w));
}

/** A known credential format in a string literal written as it is (a PEM private key); its description, never its text. */
function literalSecret(t: TypeScript, node: ts.Expression): string | undefined {
  let expr = skipOuterExpressions(t, node);
  if (t.isIdentifier(expr)) {
    const init = constInitializer(t, resolveIdentifier(t, expr, undefined));
    if (init) expr = skipOuterExpressions(t, init);
  }
  const text = staticString(t, expr);
  if (text === undefined) return undefined;
  const match = detectSecretLiteral(text);
  return match?.basis === 'format' ? match.description : undefined;
}

// ---- messages and suggestions --------------------------------------------------------------------

function octal(mode: number): string {
  return `0o${mode.toString(8)}`;
}

function a(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

/**
 * Owner-only mode in place: the bad mode replaced, or `{ mode }` added to (or in place of an encoding
 * string as) the options argument.
 */
function modeSuggestion(t: TypeScript, found: FoundFsCall, mode: ModeOf, wanted: number) {
  const { call, spec } = found;
  const text = octal(wanted);
  const edits: TextEdit[] = [];
  const sourceFile = call.getSourceFile();
  if (mode.state === 'known') {
    edits.push({ start: mode.node.getStart(sourceFile), end: mode.node.end, text });
  } else if (spec.mode !== undefined) {
    const callback = call.arguments[spec.mode];
    const last = call.arguments[call.arguments.length - 1]!;
    if (callback) {
      const start = callback.getStart(sourceFile);
      edits.push({ start, end: start, text: `${text}, ` });
    } else edits.push({ start: last.end, end: last.end, text: `, ${text}` });
  } else {
    const position = spec.options!;
    const options = optionsArgument(t, found);
    const expr = options && skipOuterExpressions(t, options);
    const callback = call.arguments[position];
    if (!options && callback) {
      const start = callback.getStart(sourceFile);
      edits.push({ start, end: start, text: `{ mode: ${text} }, ` });
    } else if (!options) {
      const last = call.arguments[position - 1] ?? call.arguments[call.arguments.length - 1]!;
      edits.push({ start: last.end, end: last.end, text: `, { mode: ${text} }` });
    } else if (expr && staticString(t, expr) !== undefined) {
      edits.push({
        start: options.getStart(sourceFile),
        end: options.end,
        text: `{ encoding: ${options.getText(sourceFile)}, mode: ${text} }`,
      });
    } else if (expr && t.isObjectLiteralExpression(expr)) {
      const open = expr.getStart(sourceFile) + 1;
      const empty = expr.properties.length === 0;
      edits.push({ start: open, end: open, text: empty ? ` mode: ${text} ` : ` mode: ${text},` });
    }
  }
  return edits.length === 0 ? [] : [{ messageId: 'addOwnerOnlyMode' as const, data: { mode: text }, edits }];
}
