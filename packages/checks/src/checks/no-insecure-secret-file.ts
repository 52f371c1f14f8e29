import type * as ts from 'typescript';
import {
  accessPath,
  calleeName,
  constInitializer,
  enclosingFunctionOrFile,
  forEachDescendant,
  isFunctionLike,
  objectLiteralOf,
  objectPropertyValue,
  propertyNameText,
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
  bindingElementKey,
  bindingElementSource,
  createFlowContext,
  DEFAULT_SANITIZERS,
  envReadOf,
  isCredentialName,
  isSanitizerCall,
  sanitizersOptionSchema,
  sourceEvidence,
  valueSources,
  originOf,
  type FlowContext,
} from '../flow/index.js';
import { OAUTH_TOKEN_FIELDS } from '../catalogs/db-writes.js';
import { calledFunction } from '../flow/callees.js';
import { callerParameters, returnedExpressions } from '../flow/summaries/parameters.js';
import { callersOf } from '../flow/callers.js';
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
const MAX_HOPS = 6;

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
      const dataArg = spec.data === undefined ? undefined : call.arguments[spec.data];
      // `for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)`: each
      // file of the map judged by its own name and text, the strongest one reported.
      const entry = dataArg ? strongestFileMapEntry(flow, pathArg, dataArg) : undefined;
      const path = entry ? entry.path : pathEvidence(flow, pathArg);
      if (path === 'public') return;
      const content = entry
        ? entry.content
        : dataArg
          ? (fileContentEvidence(flow, path, dataArg) ?? storedCredential(flow, dataArg))
          : undefined;
      if (!path && !content) return;
      // `writeFileSync(`${domain}.pem`, certificate)`: a certificate in a `.pem` is public.
      if (!content && dataArg && namesPublicMaterial(t, dataArg)) return;
      // `writeFileSync(p, key); chmodSync(p, 0o600)`: made private right after.
      if (mode.state === 'missing' && chmodedPrivate(flow, call, pathArg)) return;
      // `if (existsSync(p)) writeFile(p, ...)`, or `readFileSync(p)` before: rewrites a file that exists;
      // a write's mode applies only on creation.
      if (rewritesExisting(t, call, pathArg) || readBefore(t, call, pathArg)) return;
      // A credential saved in the user's home or configuration directory (a CLI's login) stays there, readable.
      const confidence =
        !path && content?.strength === 'name' && inUserDirectory(pathParts(flow, pathArg))
          ? 'high'
          : writeConfidence(path, content);
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
  // `.env` holding `AUTH_SECRET=${secret}`: a settings file seen to hold a credential.
  if (content?.strength === 'name' && path?.kind === 'env file' && path.strength === 'file') return 'high';
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

/** Calls that read a whole file, and throw when it does not exist. */
const FILE_READERS = new Set(['readFileSync', 'readFile', 'readJson', 'readJsonSync']);

/**
 * `const text = readFileSync(p, 'utf8'); writeFileSync(p, text.replace(…))`: the same path (same code
 * text) was read by a statement that runs before the write on every path to it (a statement before
 * it in one of the blocks around it, not inside an `if` or a loop there), so the file exists and the
 * write keeps its mode.
 */
function readBefore(t: TypeScript, write: ts.CallExpression, pathArg: ts.Expression): boolean {
  const target = compact(pathArg.getText());
  const reads = (statement: ts.Statement) =>
    (t.isVariableStatement(statement) || t.isExpressionStatement(statement)) &&
    forEachDescendant(t, statement, (node) => {
      if (isFunctionLike(t, node)) return 'skip';
      if (!t.isCallExpression(node) || !FILE_READERS.has(calleeName(t, node.expression) ?? '')) return undefined;
      const read = node.arguments[0];
      return read !== undefined && compact(read.getText()) === target ? 'stop' : undefined;
    });
  let child: ts.Node = write;
  for (let node = write.parent; node && !isFunctionLike(t, node); child = node, node = node.parent) {
    if (!t.isBlock(node) && !t.isSourceFile(node)) continue;
    const statements = (node as ts.Block | ts.SourceFile).statements;
    const at = statements.indexOf(child as ts.Statement);
    if (statements.slice(0, at).some(reads)) return true;
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
  // `name ? `.env.${name}` : '.env'`: either file; the one that names a secret file counts.
  if (t.isConditionalExpression(expr))
    return likelierPath([pathParts(flow, expr.whenTrue, depth + 1), pathParts(flow, expr.whenFalse, depth + 1)]);
  if (t.isCallExpression(expr)) {
    const name = calleeName(t, expr.expression);
    if (name && PATH_JOINERS.has(name)) {
      for (let i = expr.arguments.length - 1; i >= 0; i--) {
        const inner = pathParts(flow, expr.arguments[i]!, depth + 1);
        out.texts.push(...inner.texts);
        out.names.push(...inner.names);
        out.envs.push(...inner.envs);
      }
      return out;
    }
    // `os.homedir()`: kept as a name, for `inUserDirectory`.
    if (name === 'homedir') out.names.push(name);
    // `getEnvFileName(name)` whose body returns `'.env'` or `` `.env.${name}` ``: the names it returns.
    const fn = calledFunction(flow, expr.expression);
    const returned = fn ? returnedExpressions(t, fn) : [];
    if (returned.length > 0 && returned.length <= 4)
      return likelierPath(returned.map((r) => pathParts(flow, r, depth + 1)));
    return out;
  }
  if (t.isIdentifier(expr) || t.isPropertyAccessExpression(expr)) {
    out.names.push(t.isIdentifier(expr) ? expr.text : expr.name.text);
    // `this.configFilePath`: the class property's initializer.
    const init = t.isIdentifier(expr)
      ? constInitializer(t, resolveIdentifier(t, expr, undefined))
      : classPropertyInitializer(t, expr);
    if (init) {
      const inner = pathParts(flow, init, depth + 1);
      out.texts.push(...inner.texts);
      out.names.push(...inner.names);
      out.envs.push(...inner.envs);
    }
  }
  return out;
}

/** `this.name` in a class whose declaration `name = …` initializes it: that initializer. */
function classPropertyInitializer(t: TypeScript, access: ts.PropertyAccessExpression): ts.Expression | undefined {
  if (access.expression.kind !== t.SyntaxKind.ThisKeyword) return undefined;
  let node: ts.Node | undefined = access.parent;
  while (node && !t.isClassLike(node)) node = node.parent;
  if (!node) return undefined;
  const member = (node as ts.ClassLikeDeclaration).members.find(
    (m) => t.isPropertyDeclaration(m) && propertyNameText(t, m.name) === access.name.text,
  ) as ts.PropertyDeclaration | undefined;
  return member?.initializer;
}

/** Environment variables that name the user's home or configuration directory. */
const USER_DIRECTORY_ENVS = new Set([
  'HOME',
  'USERPROFILE',
  'XDG_CONFIG_HOME',
  'XDG_DATA_HOME',
  'APPDATA',
  'LOCALAPPDATA',
]);
/** Words of a directory variable's name that say it holds the user's configuration (`configDir`, `CONFIG_HOME`). */
const CONFIG_WORDS = new Set(['config', 'configuration', 'conf']);
const DIRECTORY_WORDS = new Set(['dir', 'directory', 'folder', 'home']);

/**
 * The path lies in the user's home or configuration directory: built from `os.homedir()`, `$HOME`,
 * `$XDG_CONFIG_HOME`, a `~/` or `.config/` text, or a directory named for configuration (`configDir`,
 * oclif's `this.config.configDir`): where a CLI keeps its login between runs.
 */
function inUserDirectory(parts: PathParts): boolean {
  if (parts.envs.some((name) => USER_DIRECTORY_ENVS.has(name))) return true;
  if (parts.texts.some((text) => text.startsWith('~/') || /(?:^|[\\/])\.config(?:[\\/]|$)/.test(text))) return true;
  return parts.names.some((name) => {
    const words = splitWords(name).map((w) => w.toLowerCase());
    return name === 'homedir' || (words.some((w) => CONFIG_WORDS.has(w)) && DIRECTORY_WORDS.has(words.at(-1)!));
  });
}

/** Calls that serialize an object into a file's text. */
const SERIALIZERS = new Set(['stringify', 'dump', 'safeDump', 'serialize']);

/**
 * `writeFileSync(file, JSON.stringify(this.store))` where the class keeps a credential under a key of
 * that store: `this.store.token = …`, `this.store['apiKey']`, or an accessor method that indexes the
 * store with its parameter (`getConfig(key) { return this.store[key] }`) called with a credential's
 * name (`this.getConfig('token')`). A CLI's settings object that holds its login.
 */
function storedCredential(flow: FlowContext, data: ts.Expression): ContentEvidence | undefined {
  const t = flow.ts;
  let expr = skipOuterExpressions(t, data);
  if (t.isCallExpression(expr) && SERIALIZERS.has(calleeName(t, expr.expression) ?? '') && expr.arguments[0])
    expr = skipOuterExpressions(t, expr.arguments[0]);
  if (!t.isPropertyAccessExpression(expr) || expr.expression.kind !== t.SyntaxKind.ThisKeyword) return undefined;
  const store = expr.name.text;
  let cls: ts.Node | undefined = expr.parent;
  while (cls && !t.isClassLike(cls)) cls = cls.parent;
  if (!cls) return undefined;
  const isStore = (node: ts.Expression) =>
    t.isPropertyAccessExpression(node) && node.expression.kind === t.SyntaxKind.ThisKeyword && node.name.text === store;
  const credential = (name: string | undefined) =>
    name !== undefined && isCredentialName(classifyName(name, flow.classifier));
  /** Per accessor method, the position of the parameter it indexes the store with. */
  const accessors = new Map<string, number>();
  let found: string | undefined;
  forEachDescendant(t, cls, (node) => {
    if (found) return 'stop';
    if (t.isPropertyAccessExpression(node) && isStore(node.expression) && credential(node.name.text))
      found = node.name.text;
    if (t.isElementAccessExpression(node) && isStore(node.expression)) {
      const key = staticString(t, node.argumentExpression);
      if (credential(key)) found = key;
      const index = t.isIdentifier(node.argumentExpression) ? parameterIndex(t, node, node.argumentExpression) : -1;
      const method = index >= 0 ? enclosingFunctionOrFile(t, node) : undefined;
      if (method && t.isMethodDeclaration(method) && method.name)
        accessors.set(propertyNameText(t, method.name)!, index);
    }
    return undefined;
  });
  if (!found && accessors.size > 0)
    forEachDescendant(t, cls, (node) => {
      if (found) return 'stop';
      if (!t.isCallExpression(node) || !t.isPropertyAccessExpression(node.expression)) return undefined;
      if (node.expression.expression.kind !== t.SyntaxKind.ThisKeyword) return undefined;
      const index = accessors.get(node.expression.name.text);
      const key = index === undefined || !node.arguments[index] ? undefined : staticString(t, node.arguments[index]!);
      if (credential(key)) found = key;
      return undefined;
    });
  return found === undefined ? undefined : { display: `'${found}' (kept in this.${store})`, strength: 'name' };
}

/** The position of `id` among the parameters of the function around `at`, or -1. */
function parameterIndex(t: TypeScript, at: ts.Node, id: ts.Identifier): number {
  const fn = enclosingFunctionOrFile(t, at);
  if (t.isSourceFile(fn)) return -1;
  return fn.parameters.findIndex((p) => t.isIdentifier(p.name) && p.name.text === id.text);
}

/** Of the paths an expression may be, the first whose base name is a secret file's, else the first. */
function likelierPath(candidates: readonly PathParts[]): PathParts {
  const secret = candidates.find((parts) => {
    const base = segmentsOf(parts.texts.slice(0, 1))[0];
    const kind = base === undefined ? undefined : classifyFileName(base);
    return kind !== undefined && kind !== 'public';
  });
  return secret ?? candidates[0]!;
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

/** `env file`, `private key file`: a kind for messages. */
function fileKindText(kind: SecretFileKind): string {
  return kind.endsWith('file') ? kind : `${kind} file`;
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
    if (kind) return { kind, strength: 'file', display: `'${base}' (${a(fileKindText(kind))})` };
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

/**
 * What written data is seen to hold. A settings file (`.env`, `.tfvars`) holds settings by what it is:
 * what it is built from counts as its content, through renders and helpers (see `settingsContentEvidence`).
 */
function fileContentEvidence(
  flow: FlowContext,
  path: PathEvidence | undefined,
  data: ts.Expression,
): ContentEvidence | undefined {
  const seen = contentEvidence(flow, data);
  if (path?.kind !== 'env file' || seen?.strength === 'seen' || seen?.strength === 'name') return seen;
  return settingsContentEvidence(flow, data) ?? seen;
}

/**
 * The write takes its path and its data from one entry of a file map, `[name, text]` of
 * `Object.entries(files)` in a `for...of`, where `files` is an object literal the code shows (through
 * a `const` or a function that returns it): the entry whose name and text make the strongest finding.
 */
function strongestFileMapEntry(
  flow: FlowContext,
  pathArg: ts.Expression,
  dataArg: ts.Expression,
): { path: PathEvidence; content: ContentEvidence | undefined } | undefined {
  const t = flow.ts;
  const data = skipOuterExpressions(t, dataArg);
  if (!t.isIdentifier(data)) return undefined;
  const element = resolveIdentifier(t, data, flow.checker);
  if (!element || !t.isBindingElement(element) || !t.isArrayBindingPattern(element.parent)) return undefined;
  const [nameElement, textElement] = element.parent.elements;
  if (textElement !== element || !nameElement || !t.isBindingElement(nameElement) || !t.isIdentifier(nameElement.name))
    return undefined;
  const owner = element.parent.parent;
  const loop = t.isVariableDeclaration(owner) ? owner.parent.parent : undefined;
  if (!loop || !t.isForOfStatement(loop)) return undefined;
  const entries = skipOuterExpressions(t, loop.expression);
  if (!t.isCallExpression(entries) || accessPath(t, entries.expression)?.join('.') !== 'Object.entries')
    return undefined;
  if (!pathParts(flow, pathArg).names.includes(nameElement.name.text) || !entries.arguments[0]) return undefined;
  const files = objectLiteralBehind(flow, entries.arguments[0], 0);
  if (!files) return undefined;
  let best: { path: PathEvidence; content: ContentEvidence | undefined; rank: number } | undefined;
  const rank = { high: 3, medium: 2, low: 1 };
  for (const property of files.properties) {
    const name = t.isPropertyAssignment(property) ? propertyNameText(t, property.name) : undefined;
    const kind = name === undefined ? undefined : classifyFileName(name.toLowerCase());
    if (!kind || kind === 'public' || !t.isPropertyAssignment(property)) continue;
    const path: PathEvidence = { kind, strength: 'file', display: `'${name}' (${a(fileKindText(kind))})` };
    const content = fileContentEvidence(flow, path, property.initializer);
    const score = rank[writeConfidence(path, content)];
    if (!best || score > best.rank) best = { path, content, rank: score };
  }
  return best && { path: best.path, content: best.content };
}

/** The object literal an expression is: directly, through a `const`, or returned by a function the code shows. */
function objectLiteralBehind(
  flow: FlowContext,
  node: ts.Expression,
  depth: number,
): ts.ObjectLiteralExpression | undefined {
  const t = flow.ts;
  const expr = skipOuterExpressions(t, node);
  if (t.isObjectLiteralExpression(expr)) return expr;
  if (depth >= MAX_HOPS) return undefined;
  if (t.isIdentifier(expr)) {
    const init = constInitializer(t, resolveIdentifier(t, expr, flow.checker));
    return init && objectLiteralBehind(flow, init, depth + 1);
  }
  if (!t.isCallExpression(expr)) return undefined;
  const fn = calledFunction(flow, expr.expression);
  const returned = fn ? returnedExpressions(t, fn) : [];
  return returned.length === 1 ? objectLiteralBehind(flow, returned[0]!, depth + 1) : undefined;
}

/** How many calls, functions and bindings `settingsContentEvidence` follows back from the written data. */
const MAX_BUILD_HOPS = 8;
/** Expressions `settingsContentEvidence` looks at, at most, per written file. */
const MAX_BUILD_NODES = 400;

/**
 * A credential among what a settings file's content is built from: a credential-named key or
 * variable (`AUTH_SECRET: generateSecret(32)`, `cookieSecret: randomBytes(16)...`, `dbPassword`)
 * whose value is not a literal (a placeholder), or a secret seen by the flow analysis. Unlike the
 * value flow, every call hands on what its arguments hold (a template render
 * `Handlebars.compile(template)(context)`, `Object.entries(env).map(...)`, `lines.join('\n')`, a
 * project helper `generateEnvFile({ env })`), and a destructured field of a call's result is the
 * field the called function returns (`const { envSource } = await generateSources()`). Only for
 * files that are settings by their path: elsewhere a render context says what a template *may* use
 * (a generator renders its README from the same context as its `.env`), not what the file holds.
 */
function settingsContentEvidence(flow: FlowContext, data: ts.Expression): ContentEvidence | undefined {
  const t = flow.ts;
  const pending: { readonly node: ts.Expression; readonly key?: string; readonly hops: number }[] = [
    { node: data, hops: 0 },
  ];
  const seen = new Set<string>();
  let found: ContentEvidence | undefined;
  const order: ContentEvidence['strength'][] = ['weak', 'name', 'seen'];
  const note = (evidence: ContentEvidence | undefined) => {
    if (evidence && (!found || order.indexOf(evidence.strength) > order.indexOf(found.strength))) found = evidence;
  };
  const credential = (name: string | undefined) =>
    name !== undefined && isCredentialName(classifyName(name, flow.classifier));
  for (let visited = 0; pending.length > 0 && visited < MAX_BUILD_NODES && found?.strength !== 'seen'; visited++) {
    const { node, key, hops } = pending.pop()!;
    const expr = skipOuterExpressions(t, node);
    const id = `${expr.getSourceFile().fileName}:${expr.pos}:${expr.end}:${key ?? ''}`;
    if (seen.has(id) || hops > MAX_BUILD_HOPS) continue;
    seen.add(id);
    const push = (next: ts.Expression | undefined, nextKey?: string, cost = 0) => {
      if (next) pending.push({ node: next, key: nextKey, hops: hops + cost });
    };
    if (t.isAwaitExpression(expr)) push(expr.expression, key);
    else if (t.isConditionalExpression(expr)) {
      push(expr.whenTrue, key);
      push(expr.whenFalse, key);
    } else if (key !== undefined) {
      // The field `key` of the value: an object literal's property, a function's returned object.
      if (t.isObjectLiteralExpression(expr)) {
        for (const p of expr.properties) {
          if (t.isSpreadAssignment(p)) push(p.expression, key);
          else if (propertyNameText(t, p.name) !== key) continue;
          else if (t.isPropertyAssignment(p)) push(p.initializer);
          else if (t.isShorthandPropertyAssignment(p)) push(p.name);
        }
      } else if (t.isCallExpression(expr)) {
        const fn = calledFunction(flow, expr.expression);
        if (fn) for (const r of returnedExpressions(t, fn)) push(r, key, 1);
      } else if (t.isIdentifier(expr)) push(constInitializer(t, resolveIdentifier(t, expr, flow.checker)), key, 1);
    } else if (t.isTemplateExpression(expr)) expr.templateSpans.forEach((span) => push(span.expression));
    else if (t.isBinaryExpression(expr)) {
      push(expr.left);
      push(expr.right);
    } else if (t.isArrayLiteralExpression(expr))
      expr.elements.forEach((e) => push(t.isSpreadElement(e) ? e.expression : e));
    else if (t.isObjectLiteralExpression(expr)) {
      for (const p of expr.properties) {
        if (t.isSpreadAssignment(p)) push(p.expression);
        else if (t.isPropertyAssignment(p) || t.isShorthandPropertyAssignment(p)) {
          const value = t.isPropertyAssignment(p) ? p.initializer : p.name;
          const name = propertyNameText(t, p.name);
          if (credential(name) && !isLiteralValue(t, value)) note({ display: `'${name}'`, strength: 'name' });
          push(value);
        }
      }
    } else if (t.isCallExpression(expr)) {
      if (isSanitizerCall(flow, expr)) continue;
      note(contentEvidence(flow, expr));
      const callee = skipOuterExpressions(t, expr.expression);
      expr.arguments.forEach((a) => push(a, undefined, 1));
      // `compile(template)(context)`: the render's inputs; `lines.join('\n')`, `text.replace(…)`: the text's.
      if (t.isCallExpression(callee)) push(callee);
      else if (t.isPropertyAccessExpression(callee)) push(callee.expression);
      const fn = calledFunction(flow, callee);
      if (fn) for (const r of returnedExpressions(t, fn)) push(r, undefined, 1);
    } else if (t.isIdentifier(expr) || t.isPropertyAccessExpression(expr) || t.isElementAccessExpression(expr)) {
      note(contentEvidence(flow, expr));
      if (t.isPropertyAccessExpression(expr)) {
        if (credential(expr.name.text)) note({ display: `'${shortText(expr, 40)}'`, strength: 'name' });
        push(expr.expression, expr.name.text);
      } else if (t.isElementAccessExpression(expr)) push(expr.expression);
      else for (const next of bindingValues(flow, expr)) push(next.node, next.key, 1);
    }
  }
  return found;
}

/** A string, number or boolean literal, or a template without substitutions: a placeholder, not a secret. */
function isLiteralValue(t: TypeScript, node: ts.Expression): boolean {
  const expr = skipOuterExpressions(t, node);
  return (
    staticString(t, expr) !== undefined ||
    t.isNumericLiteral(expr) ||
    expr.kind === t.SyntaxKind.TrueKeyword ||
    expr.kind === t.SyntaxKind.FalseKeyword
  );
}

/**
 * What a variable holds, as far as its declaration shows: its initializer, the values assigned to it
 * in its function (`content = content.replace(…)`), the field a destructuring takes
 * (`const { envSource } = …` is `envSource` of the initializer), or what a `for...of` iterates.
 */
function bindingValues(flow: FlowContext, id: ts.Identifier): { node: ts.Expression; key?: string }[] {
  const t = flow.ts;
  const decl = resolveIdentifier(t, id, flow.checker);
  if (!decl) return [];
  if (t.isParameter(decl)) return argumentsOf(flow, decl).map((node) => ({ node }));
  if (t.isBindingElement(decl)) {
    const key = bindingElementKey(flow, decl);
    const owner = decl.parent.parent;
    if (t.isVariableDeclaration(owner) && t.isForOfStatement(owner.parent.parent))
      return [{ node: owner.parent.parent.expression }];
    const source = bindingElementSource(flow, decl);
    if (!source) return [];
    return t.isObjectBindingPattern(decl.parent) && key !== undefined ? [{ node: source, key }] : [{ node: source }];
  }
  if (!t.isVariableDeclaration(decl)) return [];
  const out: { node: ts.Expression; key?: string }[] = [];
  if (decl.initializer) out.push({ node: decl.initializer });
  if (t.isForOfStatement(decl.parent.parent)) out.push({ node: decl.parent.parent.expression });
  if (decl.parent.flags & t.NodeFlags.Const || !t.isIdentifier(decl.name)) return out;
  const name = decl.name.text;
  forEachDescendant(t, enclosingFunctionOrFile(t, decl), (node) => {
    if (
      t.isBinaryExpression(node) &&
      (node.operatorToken.kind === t.SyntaxKind.EqualsToken ||
        node.operatorToken.kind === t.SyntaxKind.PlusEqualsToken) &&
      t.isIdentifier(node.left) &&
      node.left.text === name
    )
      out.push({ node: node.right });
    // `lines.push(`secret = "${value}"`)`: what is added to a list of lines.
    if (
      t.isCallExpression(node) &&
      t.isPropertyAccessExpression(node.expression) &&
      ['push', 'unshift'].includes(node.expression.name.text) &&
      t.isIdentifier(node.expression.expression) &&
      node.expression.expression.text === name
    )
      node.arguments.forEach((a) => out.push({ node: a }));
  });
  return out;
}

/**
 * What the calls of the parameter's function pass for it (`buildFiles(config)` for `config` of
 * `function buildFiles(config)`): in the whole program with a checker, in its file without.
 */
function argumentsOf(flow: FlowContext, parameter: ts.ParameterDeclaration): ts.Expression[] {
  const t = flow.ts;
  const fn = parameter.parent;
  const index = callerParameters(t, fn).indexOf(parameter);
  if (index < 0 || parameter.dotDotDotToken || !isFunctionLike(t, fn)) return [];
  return callersOf(flow, fn).flatMap((call) => {
    const arg = call.arguments[index];
    return arg && !call.arguments.slice(0, index + 1).some((a) => t.isSpreadElement(a)) ? [arg] : [];
  });
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
