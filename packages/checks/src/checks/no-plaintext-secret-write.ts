import type * as ts from 'typescript';
import {
  accessPath,
  calleeName,
  constInitializer,
  enclosingFunctionOrFile,
  forEachDescendant,
  isFunctionLike,
  isShortSlice,
  propertyNameText,
  resolveIdentifier,
  shortText,
  skipOuterExpressions,
  staticString,
} from '../ast/index.js';
import { defineCheck, type Confidence, type TypeScript } from '../check.js';
import {
  ADDRESSING_TOKEN_WORDS,
  ENTITY_FACTORY_METHODS,
  ENTITY_MANAGER_NAMES,
  ENTITY_SAVE_METHODS,
  LINK_TOKEN_WORDS,
  MODEL_NAME_WORDS,
  NESTED_ROW_KEYS,
  MODEL_BASE_WORDS,
  NOT_MODEL_NAME_WORDS,
  NOT_MODEL_RECEIVERS,
  OAUTH_TOKEN_FIELDS,
  ONE_TIME_TOKEN_WORDS,
  REPOSITORY_NAME_WORDS,
  ROW_WRITE_METHODS,
  SQL_QUERY_METHODS,
  SQL_WRITE_VERBS,
  TOKEN_GENERATOR_CALLS,
  WRITE_PROTECTION_CALLS,
  type RowWriteMethod,
} from '../catalogs/db-writes.js';
import {
  ENCRYPTING_WORDS,
  KNEX_TABLE_CALLS,
  KNEX_WRITE_METHODS,
  MASKED_VALUE_WORDS,
  PRISMA_ROW_KEYS,
  PRISMA_WRITE_METHODS,
  ROW_BUILDER_METHODS,
} from '../catalogs/orm-columns.js';
import { REQUEST_RECEIVERS } from '../catalogs/sources.js';
import {
  bindingElementSource,
  calledFunction,
  createFlowContext,
  DEFAULT_SANITIZERS,
  sanitizersOptionSchema,
  expandedPath,
  isCredentialName,
  isRecordReference,
  isSanitizerCallee,
  sourceEvidence,
  valueSources,
  type FlowContext,
  type SecretSource,
} from '../flow/index.js';
import { classifyName, splitWords } from '../names/index.js';
import { programOf } from '../flow/project-functions.js';

export interface NoPlaintextSecretWriteOptions {
  /** Calls whose result is safe to store (hash, encrypt, seal helpers). Replaces the built-in list when given. */
  readonly sanitizers: readonly string[];
}

type MessageId = 'plaintextSecretWrite' | 'plaintextPasswordWrite';

/** A database write found in code: where it goes and the values it stores under which column. */
interface DbWrite {
  /** The write for messages: `prisma.user.create`, `INSERT INTO users`. */
  readonly sink: string;
  /** The table or model, when the call names it (`prisma.verificationToken`, `insertInto('invites')`). */
  readonly table: string | undefined;
  /** True when the call surely writes (a known ORM shape); false for a guess (an instance's `.save()` of an unseen object). */
  readonly certain: boolean;
  /**
   * The ORM runs model hooks the check cannot see on this write (TypeORM `@BeforeInsert`, Mongoose
   * `pre('save')`, Sequelize `beforeCreate`, setters): where passwords are often hashed.
   */
  readonly hooked?: boolean;
  /** What names the model written through: its class (`User.create`) or an instance of it (`user.save()`). */
  readonly model?: ts.Expression;
  /** A Prisma delegate's write: a client extension of the program may rewrite its data (see `prismaEncryptingExtensions`). */
  readonly prisma?: boolean;
  /** Found through a write helper's parameter (see `writesThrough`): the helper may validate or transform the row. */
  readonly through?: boolean;
  readonly columns: WrittenColumn[];
}

/** One value a write stores: under a column name when the code shows one. */
interface WrittenColumn {
  readonly column: string | undefined;
  /** The relation a nested write goes to (`apiKeys` in `{ apiKeys: { create: {...} } }`), in place of the table. */
  readonly owner?: string | undefined;
  readonly value: ts.Expression;
  /** Where a finding points: the property or the SQL parameter. */
  readonly node: ts.Node;
}

/** What a written value is seen to be. */
interface SecretEvidence {
  /** Display name of the source, for messages (code text, never a value). */
  readonly name: string;
  readonly kind: string;
  /**
   * `seen`: the value is a secret by what it is (a minted token, a decrypted value, an env secret,
   * a credential the requester sent or an OAuth provider issued); `name`: only its name says so;
   * `opaque`: it comes from a call whose body the check cannot see.
   */
  readonly strength: 'seen' | 'name' | 'opaque';
  /** Names the value went by, for the one-time-token test. */
  readonly names: readonly string[];
}

const REQUEST_SET = new Set(REQUEST_RECEIVERS);
const GENERATORS = new Set(TOKEN_GENERATOR_CALLS.map((c) => c.toLowerCase()));
const ONE_TIME_WORDS = new Set([...ONE_TIME_TOKEN_WORDS, ...LINK_TOKEN_WORDS]);
const OAUTH_FIELDS = new Set(OAUTH_TOKEN_FIELDS);
const ADDRESSING_WORDS = new Set(ADDRESSING_TOKEN_WORDS);
const MAX_HOPS = 4;

export const noPlaintextSecretWrite = defineCheck<NoPlaintextSecretWriteOptions, MessageId>({
  id: 'no-plaintext-secret-write',
  meta: {
    type: 'problem',
    description: 'Disallow secrets written to a database without hashing or encryption',
    messages: {
      plaintextSecretWrite:
        "{{secret}} ({{kind}}) is written to '{{column}}' by {{sink}} as it is: anyone who reads the table or a backup can use it. Store a SHA-256 or HMAC of a random token (and look it up by that), or encrypt a secret you must read back.",
      plaintextPasswordWrite:
        "The password {{secret}} is written to '{{column}}' by {{sink}} in plaintext. Hash it with argon2id, scrypt or bcrypt before it is written.",
    },
    schema: {
      type: 'object',
      properties: {
        sanitizers: sanitizersOptionSchema('store', 'hash, encrypt, seal helpers'),
      },
      additionalProperties: false,
    },
    defaultOptions: { sanitizers: [...DEFAULT_SANITIZERS, ...WRITE_PROTECTION_CALLS] },
    level: 'recommended',
  },
  create(context) {
    const t = context.ts;
    const flow = createFlowContext(t, {
      checker: context.checker,
      settings: context.settings,
      sanitizers: context.options.sanitizers,
    });
    const reported = new Set<ts.Node>();

    const check = (write: DbWrite): void => {
      for (const column of write.columns) {
        if (reported.has(column.node)) continue;
        const c =
          column.column === undefined
            ? undefined
            : columnClassification(flow, column.column, column.owner ?? write.table, write.table);
        // `passwordHash`, `tokenExpiresAt`, `encryptedKey`: the column says it holds no raw secret.
        if (c && !c.isSecret && c.verdict !== 'none') continue;
        if (c && !c.isSecret && /encrypt|cipher|hash|digest/i.test(column.column!)) continue;
        // `partialClientSecret`, `token_preview`, `masked_key`: a display form, not the secret.
        if (c && c.words.some((w) => MASKED_VALUE_WORDS.has(w))) continue;
        // `@Encrypted @Column(DataType.BLOB) token`, `@Column({ transformer: encryptionTransformer })`: the model encrypts.
        if (write.model && column.column && encryptedModelProperty(flow, write.model, column.column)) continue;
        // `assistant.credential` declared as a `uuid` column: the id of a credentials row, not its data.
        if (column.column && isRecordReference(flow, columnDeclaration(flow, write, column))) continue;
        const evidence =
          secretEvidence(flow, column.value, c?.isSecret === true) ??
          (c?.isSecret ? tableNamedCopy(flow, column, c.kind ?? 'secret') : undefined);
        if (!evidence) continue;
        // `fcmToken`, `devicePushToken`: addresses a device, grants nothing.
        if (
          [column.column, ...evidence.names].some(
            (n) => n !== undefined && splitWords(n).some((w) => ADDRESSING_WORDS.has(w)),
          )
        )
          continue;
        // A Prisma client extension that encrypts on every write: the fields it names are stored encrypted,
        // and any other field may be (its list can be built at run time).
        const extension = write.prisma ? prismaEncryptingExtensions(t, context.program) : undefined;
        if (extension && column.column && extension.names.has(column.column)) continue;
        reported.add(column.node);
        const password = evidence.kind === 'password' || c?.kind === 'password';
        context.report({
          node: column.node,
          messageId: password ? 'plaintextPasswordWrite' : 'plaintextSecretWrite',
          data: { secret: evidence.name, kind: evidence.kind, column: column.column ?? '…', sink: write.sink },
          // `sessionId`, `pin`: a name that often names something else is no credential column.
          // Through a write helper, or with an encrypting Prisma extension in the program: one step less sure.
          confidence:
            extension || write.through
              ? lower(confidenceOf(write, column, c !== undefined && isCredentialName(c), evidence, password))
              : confidenceOf(write, column, c !== undefined && isCredentialName(c), evidence, password),
        });
      }
    };

    return {
      visit(node) {
        if (t.isCallExpression(node)) {
          const write = dbWriteOf(t, flow, node);
          if (write) check(write);
          else for (const through of writesThrough(t, flow, node)) check(through);
        } else if (t.isTaggedTemplateExpression(node)) {
          const write = taggedSqlWrite(t, node);
          if (write) check(write);
        }
      },
    };
  },
});

/** The database writes in a function's body (not nested functions'), once per function. */
const writeCallsOfFunction = new WeakMap<ts.FunctionLikeDeclaration, readonly ts.CallExpression[]>();
/** While a call into a write helper is judged: its parameters bound to the call's arguments (see `writesThrough`). */
let parameterBindings: ReadonlyMap<ts.ParameterDeclaration, ts.Expression> | undefined;

/**
 * `this.userService.updateByEmail(email, { secrets: { update: { twoFactorBackupCodes } } })` where
 * `updateByEmail(email, data)` runs `prisma.user.update({ where: { email }, data })`: the writes of a
 * helper (here, or with a checker in another module) whose row is one of its parameters, with the
 * call's argument as that row. Only columns built in this file are kept, so each is reported where
 * its value is given.
 */
function writesThrough(t: TypeScript, flow: FlowContext, call: ts.CallExpression): DbWrite[] {
  if (!call.arguments.some((a) => t.isObjectLiteralExpression(skipOuterExpressions(t, a)))) return [];
  const fn = calledFunction(flow, call.expression);
  if (!fn?.body || fn.parameters.length === 0 || fn === enclosingFunctionOrFile(t, call)) return [];
  let inner = writeCallsOfFunction.get(fn);
  if (!inner) {
    const found: ts.CallExpression[] = [];
    forEachDescendant(t, fn.body, (node) => {
      if (isFunctionLike(t, node)) return 'skip';
      if (t.isCallExpression(node) && dbWriteOf(t, flow, node)) found.push(node);
      return undefined;
    });
    writeCallsOfFunction.set(fn, (inner = found));
  }
  if (inner.length === 0) return [];
  const bindings = new Map<ts.ParameterDeclaration, ts.Expression>();
  fn.parameters.forEach((p, i) => {
    const argument = call.arguments[i];
    if (argument && !p.dotDotDotToken) bindings.set(p, argument);
  });
  const file = call.getSourceFile();
  const out: DbWrite[] = [];
  parameterBindings = bindings;
  try {
    for (const writeCall of inner) {
      const write = dbWriteOf(t, flow, writeCall);
      const columns = write?.columns.filter((c) => c.node.getSourceFile() === file) ?? [];
      if (write && columns.length > 0)
        out.push({ ...write, sink: `${shortText(call.expression, 40)}() → ${write.sink}`, columns, through: true });
    }
  } finally {
    parameterBindings = undefined;
  }
  return out;
}

/** One step less sure: high becomes medium, medium low. */
function lower(confidence: Confidence): Confidence {
  return confidence === 'high' ? 'medium' : 'low';
}

/** What the program's encrypting Prisma client extensions name: every string and property name of their modules. */
interface PrismaEncryptingExtensions {
  readonly names: ReadonlySet<string>;
}

const encryptingExtensionsOfProgram = new WeakMap<ts.Program, PrismaEncryptingExtensions | null>();

/**
 * The Prisma client extensions of the program that encrypt what is written (once per program): a
 * module that calls `$extends(...)` or `Prisma.defineExtension(...)` with `query` hooks and calls an
 * encrypting function (`encryptToken(args.data[field])`), or one that imports `prisma-field-encryption`
 * (fields marked `/// @encrypted` in the schema). Their field lists are data (`{ account: ['access_token'] }`),
 * so every string and property name of such a module counts as a field it encrypts. Undefined without
 * a program (a file alone cannot show the client's extensions) or when there is none.
 */
function prismaEncryptingExtensions(
  t: TypeScript,
  program: ts.Program | undefined,
): PrismaEncryptingExtensions | undefined {
  if (!program) return undefined;
  const cached = encryptingExtensionsOfProgram.get(program);
  if (cached !== undefined) return cached ?? undefined;
  const names = new Set<string>();
  let found = false;
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile) continue;
    const text = file.text;
    const library = text.includes('prisma-field-encryption');
    if (!library && !((text.includes('$extends') || text.includes('defineExtension')) && /encrypt/i.test(text)))
      continue;
    if (!library && !isEncryptingExtensionModule(t, file)) continue;
    found = true;
    forEachDescendant(t, file, (node) => {
      if (t.isStringLiteral(node) || t.isNoSubstitutionTemplateLiteral(node)) names.add(node.text);
      else if ((t.isPropertyAssignment(node) || t.isShorthandPropertyAssignment(node)) && node.name) {
        const name = propertyNameText(t, node.name);
        if (name) names.add(name);
      }
      return undefined;
    });
  }
  const result = found ? { names } : null;
  encryptingExtensionsOfProgram.set(program, result);
  return result ?? undefined;
}

/** A module with an extension call (`$extends`, `defineExtension`) that has `query` hooks, and a call named for encryption. */
function isEncryptingExtensionModule(t: TypeScript, file: ts.SourceFile): boolean {
  let extension = false;
  let encrypts = false;
  forEachDescendant(t, file, (node) => {
    if (!t.isCallExpression(node)) return undefined;
    const name = calleeName(t, node.expression);
    if (name === '$extends' || name === 'defineExtension') {
      if (node.arguments.some((a) => /\bquery\b/.test(a.getText(file)))) extension = true;
    } else if (name && splitWords(name).some((w) => w.startsWith('encrypt'))) encrypts = true;
    return extension && encrypts ? 'stop' : undefined;
  });
  return extension && encrypts;
}

/** Column names that say nothing alone: `apiKeys.key`, `tokens.value` are named by their table. */
const TABLE_NAMED_COLUMNS = new Set(['key', 'value', 'val']);

/**
 * `{ key: input.key }` into `api_keys`: a column named only by its table, given the field of the
 * same bare name. The value is what the table is for; its own name says no more than the column's.
 */
function tableNamedCopy(flow: FlowContext, column: WrittenColumn, kind: string): SecretEvidence | undefined {
  const t = flow.ts;
  if (column.column === undefined || !TABLE_NAMED_COLUMNS.has(column.column.toLowerCase())) return undefined;
  const value = skipOuterExpressions(t, column.value);
  const name = t.isPropertyAccessExpression(value) ? value.name.text : t.isIdentifier(value) ? value.text : undefined;
  if (name !== column.column) return undefined;
  return { name: shortText(value, 40), kind, strength: 'name', names: [] };
}

/** The column's name, classified; `key` and `value` by their table (`apiKey.key` is an API key). */
function columnClassification(flow: FlowContext, column: string, owner: string | undefined, table?: string) {
  const own = classifyName(column, flow.classifier);
  if (own.verdict !== 'none' || !TABLE_NAMED_COLUMNS.has(column.toLowerCase())) return own;
  // `{ configValue: { key: newKey } }` into `secret`: a JSON field's bare `key` is named by the object, else the table.
  for (const name of [owner, table]) {
    const qualified = name === undefined ? undefined : classifyName(name.replace(/s$/, ''), flow.classifier);
    if (qualified?.isSecret) return qualified;
  }
  return own;
}

/**
 * High only with evidence that the value is a secret (minted, decrypted, received, from the env)
 * and a write that surely stores it in a column named like a credential; a one-time token (reset,
 * verification, invite) is medium: usable only once and for a short time; so is a password written
 * through an ORM whose model hooks may hash it, and a capability-link
 * token (a recipient's signing link, a share link), which opens one resource and must be put in
 * URLs again. A name alone, or a value
 * from a call whose body is out of sight (it may hash), is medium; without a credential-named
 * column either, low.
 */
function confidenceOf(
  write: DbWrite,
  column: WrittenColumn,
  credentialColumn: boolean,
  evidence: SecretEvidence,
  password: boolean,
): Confidence {
  const words = [column.column, column.owner ?? write.table, ...evidence.names].flatMap((n) =>
    n ? splitWords(n) : [],
  );
  const oneTime = words.some((w) => ONE_TIME_WORDS.has(w) || (w.endsWith('s') && ONE_TIME_WORDS.has(w.slice(0, -1))));
  if (!credentialColumn) return evidence.strength === 'seen' ? 'medium' : 'low';
  if (evidence.strength !== 'seen' || !write.certain || oneTime) return 'medium';
  // A model hook out of sight (`@BeforeInsert() hashPassword()`, `schema.pre('save', ...)`) is the
  // usual place to hash a password written through TypeORM, Mongoose, Sequelize or MikroORM.
  if (password && write.hooked) return 'medium';
  return 'high';
}

/**
 * What secret a written value carries, following `const` and destructured aliases back (a few
 * hops) to where it was made; undefined when it went through a hash, encrypt, seal or sign call
 * on the way, or carries no secret.
 */
function secretEvidence(flow: FlowContext, value: ts.Expression, secretColumn: boolean): SecretEvidence | undefined {
  const t = flow.ts;
  const names: string[] = [];
  let expr = skipOuterExpressions(t, value);
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    if (t.isAwaitExpression(expr)) expr = skipOuterExpressions(t, expr.expression);
    if (isProtected(flow, expr) || isShortSlice(t, expr)) return undefined;
    const generated = generatorOf(flow, expr, 0);
    if (generated) {
      // `randomUUID()` is a token only when it is named or stored as one; else it is a row id.
      if (!secretColumn && !names.some((n) => classifyName(n, flow.classifier).isSecret)) return undefined;
      return { name: shortText(value, 40), kind: 'generated token', strength: 'seen', names };
    }
    if (t.isIdentifier(expr)) {
      names.push(expr.text);
      const decl = resolveIdentifier(t, expr, flow.checker);
      if (
        decl &&
        (t.isVariableDeclaration(decl) || t.isParameter(decl) || t.isBindingElement(decl)) &&
        reassignedProtected(flow, expr, decl)
      )
        return undefined;
      const init = constInitializer(t, decl);
      if (init) {
        expr = skipOuterExpressions(t, init);
        continue;
      }
      if (decl && t.isBindingElement(decl)) {
        const received = receivedCredential(flow, decl);
        if (received) return { ...received, names };
      }
    }
    break;
  }
  // The value where it was made first (`decrypt(...)` behind `const clientSecret = ...`): a secret
  // name on the way would stop the flow analysis at the name.
  const upstream = expr !== skipOuterExpressions(t, value) ? valueSources(flow, expr) : [];
  const flows = upstream.length > 0 ? upstream : valueSources(flow, value);
  if (flows.length === 0) return undefined;
  const ranked = flows.map((f) => ({ f, strength: strengthOf(flow, f.source) }));
  const best = ranked.find((r) => r.strength === 'seen') ?? ranked[0]!;
  const strength = best.strength === 'seen' ? 'seen' : opaqueCall(flow, expr) ? 'opaque' : best.strength;
  return { name: best.f.source.name, kind: best.f.source.kind, strength, names: [...names, best.f.source.name] };
}

/** How a flow source is shown to hold a secret (see `SecretEvidence.strength`). */
function strengthOf(flow: FlowContext, source: SecretSource): 'seen' | 'name' {
  const t = flow.ts;
  if (sourceEvidence(flow, source) === 'value') return 'seen';
  const node = source.node;
  if (t.isPropertyAccessExpression(node) && OAUTH_FIELDS.has(node.name.text)) return 'seen';
  if (t.isBindingElement(node) && receivedCredential(flow, node)) return 'seen';
  if ((t.isPropertyAccessExpression(node) || t.isElementAccessExpression(node)) && isRequestBody(flow, node.expression))
    return 'seen';
  return 'name';
}

/** `const { password } = req.body`, `const { refresh_token } = tokens`: a credential the requester sent or a provider issued. */
function receivedCredential(flow: FlowContext, element: ts.BindingElement): Omit<SecretEvidence, 'names'> | undefined {
  const t = flow.ts;
  const key = element.propertyName
    ? propertyNameText(t, element.propertyName)
    : t.isIdentifier(element.name)
      ? element.name.text
      : undefined;
  const from = bindingElementSource(flow, element);
  if (key === undefined || !from) return undefined;
  const c = classifyName(key, flow.classifier);
  if (!c.isSecret) return undefined;
  if (OAUTH_FIELDS.has(key) || isRequestBody(flow, from))
    return { name: key, kind: c.kind ?? 'secret', strength: 'seen' };
  return undefined;
}

/** `req.body`, `ctx.request.body`, `request.body` (through aliases). */
function isRequestBody(flow: FlowContext, expr: ts.Expression): boolean {
  const path = expandedPath(flow, skipOuterExpressions(flow.ts, expr));
  if (!path || path.length < 2 || path[path.length - 1] !== 'body') return false;
  return path.slice(0, -1).some((segment) => REQUEST_SET.has(segment));
}

/**
 * The value (or, at the top of the chain, a call in it) passes through a configured hash/encrypt/seal/sign
 * call, or through a helper whose every return does (`await storeClientSecret(ctx, opts, secret)`).
 */
function isProtected(flow: FlowContext, expr: ts.Expression, depth = 0): boolean {
  const t = flow.ts;
  const test = (node: ts.Node) =>
    t.isCallExpression(node) &&
    (isSanitizerCallee(flow, node.expression) || (depth < MAX_HELPER_DEPTH && returnsOnlyProtected(flow, node, depth)));
  return (
    test(expr) ||
    forEachDescendant(t, expr, (node) => (isFunctionLike(t, node) ? 'skip' : test(node) ? 'stop' : undefined))
  );
}

/** A `let` or parameter that some assignment in its scope gives a protected value (`password = await hash(password)`). */
function reassignedProtected(
  flow: FlowContext,
  id: ts.Identifier,
  decl: ts.VariableDeclaration | ts.ParameterDeclaration | ts.BindingElement,
): boolean {
  const t = flow.ts;
  const scope = enclosingFunctionOrFile(t, decl);
  return forEachDescendant(t, scope, (node) => {
    if (!t.isBinaryExpression(node) || node.operatorToken.kind !== t.SyntaxKind.EqualsToken) return undefined;
    const left = skipOuterExpressions(t, node.left);
    return t.isIdentifier(left) && left.text === id.text && isProtected(flow, node.right) ? 'stop' : undefined;
  });
}

/**
 * The random-token call that makes the value (`randomBytes(32).toString('hex')`, `nanoid()`,
 * `crypto.randomUUID()`), directly or as what a function visible to the check returns.
 */
function generatorOf(flow: FlowContext, node: ts.Expression, depth: number): ts.CallExpression | undefined {
  const t = flow.ts;
  let expr = skipOuterExpressions(t, node);
  if (t.isAwaitExpression(expr)) expr = skipOuterExpressions(t, expr.expression);
  // Down a method chain: `randomBytes(32).toString('hex')`, `nanoid().slice(0, 32)`.
  for (let at: ts.Expression = expr; ;) {
    if (t.isCallExpression(at)) {
      const name = calleeName(t, at.expression);
      if (name && GENERATORS.has(name.toLowerCase())) return at;
      at = skipOuterExpressions(t, at.expression);
    } else if (t.isPropertyAccessExpression(at)) {
      at = skipOuterExpressions(t, at.expression);
    } else {
      // `const buffer = randomBytes(32); return buffer.toString('base64url')`: the chain starts at a `const`.
      const init =
        at !== expr && t.isIdentifier(at) && depth < 2
          ? constInitializer(t, resolveIdentifier(t, at, flow.checker))
          : undefined;
      const made = init && generatorOf(flow, init, depth + 1);
      if (made) return made;
      break;
    }
  }
  // `` `sk_${randomBytes(24).toString('hex')}` ``, `'sk_' + nanoid()`: a prefixed key.
  const parts = t.isTemplateExpression(expr)
    ? expr.templateSpans.map((s) => s.expression)
    : t.isBinaryExpression(expr) && expr.operatorToken.kind === t.SyntaxKind.PlusToken
      ? [expr.left, expr.right]
      : [];
  for (const part of parts) {
    const inner = generatorOf(flow, part, depth);
    if (inner) return inner;
  }
  if (depth >= 2 || !t.isCallExpression(expr)) return undefined;
  // `const makeToken = customAlphabet(alphabet, 40); makeToken()`: a generator made by a generator factory.
  const callee = skipOuterExpressions(t, expr.expression);
  const factory = t.isIdentifier(callee) ? constInitializer(t, resolveIdentifier(t, callee, flow.checker)) : undefined;
  if (factory && t.isCallExpression(skipOuterExpressions(t, factory))) {
    const made = generatorOf(flow, factory, depth + 1);
    if (made) return made;
  }
  const fn = visibleFunction(flow, expr);
  if (!fn) return undefined;
  for (const returned of returnedExpressions(t, fn)) {
    const found = isProtected(flow, returned) ? undefined : generatorOf(flow, returned, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The declaration with a body that a plain call refers to: a function in this file, or (with a checker) one it imports. */
function visibleFunction(flow: FlowContext, call: ts.CallExpression): ts.FunctionLikeDeclaration | undefined {
  const t = flow.ts;
  const callee = skipOuterExpressions(t, call.expression);
  if (!t.isIdentifier(callee)) return undefined;
  const decl = resolveIdentifier(t, callee, flow.checker);
  if (decl && isFunctionLike(t, decl) && decl.body) return decl;
  const init = constInitializer(t, decl);
  const fn = init && skipOuterExpressions(t, init);
  return fn && (t.isArrowFunction(fn) || t.isFunctionExpression(fn)) ? fn : undefined;
}

/** How deep helpers that protect by calling other helpers are followed. */
const MAX_HELPER_DEPTH = 2;

/**
 * `storeClientSecret(ctx, opts, secret)` where every `return` of the helper (in this file, or
 * imported with type information) is a hash or encrypt call: the helper is the protection.
 */
function returnsOnlyProtected(flow: FlowContext, call: ts.CallExpression, depth: number): boolean {
  const fn = visibleFunction(flow, call);
  const returned = fn ? returnedExpressions(flow.ts, fn) : [];
  return returned.length > 0 && returned.every((r) => isProtected(flow, r, depth + 1));
}

/** The value is made by a call the check cannot see into (an imported helper, a service method): it may hash. */
function opaqueCall(flow: FlowContext, expr: ts.Expression): boolean {
  const t = flow.ts;
  let inner = skipOuterExpressions(t, expr);
  if (t.isAwaitExpression(inner)) inner = skipOuterExpressions(t, inner.expression);
  return t.isCallExpression(inner) && !visibleFunction(flow, inner);
}

// ---- Sinks ---------------------------------------------------------------------------------------

function dbWriteOf(t: TypeScript, flow: FlowContext, call: ts.CallExpression): DbWrite | undefined {
  const callee = skipOuterExpressions(t, call.expression);
  const method = calleeName(t, callee);
  if (!method) return undefined;
  const sink = shortText(callee, 50);
  const receiver = t.isPropertyAccessExpression(callee) ? skipOuterExpressions(t, callee.expression) : undefined;
  const first = call.arguments[0] && skipOuterExpressions(t, call.arguments[0]);

  if (Object.prototype.hasOwnProperty.call(SQL_QUERY_METHODS, method)) return sqlCallWrite(t, call, method, sink);
  if (!receiver) return undefined;

  // Prisma: `prisma.user.create({ data: {...} })`; the model is the delegate's name.
  if (
    PRISMA_WRITE_METHODS.includes(method) &&
    first &&
    t.isObjectLiteralExpression(first) &&
    t.isPropertyAccessExpression(receiver)
  ) {
    // `{ where, data }`: a shorthand row is the variable of that name.
    const rows = first.properties.filter(
      (p): p is ts.PropertyAssignment | ts.ShorthandPropertyAssignment =>
        (t.isPropertyAssignment(p) || t.isShorthandPropertyAssignment(p)) &&
        PRISMA_ROW_KEYS.includes(propertyNameText(t, p.name) ?? ''),
    );
    if (rows.length > 0) {
      return {
        sink,
        table: receiver.name.text,
        certain: true,
        prisma: true,
        columns: rows.flatMap((p) => rowColumns(t, flow, t.isPropertyAssignment(p) ? p.initializer : p.name, call, 0)),
      };
    }
  }
  // Drizzle, Kysely, TypeORM's query builder: `.values()`/`.set()` after `insert(...)`/`update(...)` in the chain.
  if (Object.prototype.hasOwnProperty.call(ROW_BUILDER_METHODS, method) && first) {
    const start = chainCall(t, receiver, ROW_BUILDER_METHODS[method]!);
    if (start)
      return {
        sink,
        table: tableName(t, start.arguments[0]),
        certain: true,
        columns: rowColumns(t, flow, first, call, 0),
      };
  }
  // Knex: `knex('users').insert(row)`, `db('tokens').where(...).update(row)`.
  if (KNEX_WRITE_METHODS.includes(method) && first && t.isCallExpression(receiver)) {
    const table = knexTable(t, receiver);
    if (table !== undefined) return { sink, table, certain: true, columns: rowColumns(t, flow, first, call, 0) };
  }
  // TypeORM, Sequelize, Mongoose, MikroORM: by receiver. A method the program declares with a body
  // (`subgraphRepo.update(data, compositionService)` of a project's own repository class) is not the
  // ORM's; its own writes are judged through its parameters (see `writesThrough`).
  // A static one (`Model.create` of a base model class) stands in for the ORM's.
  const own = flow.checker && ROW_WRITE_METHODS[method] ? calledFunction(flow, call.expression) : undefined;
  const ownInstanceMethod =
    own !== undefined && !(t.getCombinedModifierFlags(own as ts.Declaration) & t.ModifierFlags.Static);
  const ways =
    !ownInstanceMethod && Object.prototype.hasOwnProperty.call(ROW_WRITE_METHODS, method)
      ? ROW_WRITE_METHODS[method]!
      : [];
  for (const way of ways) {
    const rows = rowArguments(flow, call, receiver, way);
    if (rows)
      return {
        sink,
        table: modelName(t, receiver),
        certain: true,
        hooked: true,
        model:
          way.receiver === 'model'
            ? receiver
            : way.receiver === 'manager'
              ? call.arguments[0]
              : repositoryEntity(t, receiver),
        columns: rows.flatMap((r) => rowColumns(t, flow, r, call, 0)),
      };
  }
  // `await user.save()`: what was assigned to the entity before is written.
  if (ENTITY_SAVE_METHODS.includes(method) && call.arguments.length === 0 && t.isIdentifier(receiver)) {
    return {
      sink,
      table: undefined,
      certain: true,
      hooked: true,
      model: receiver,
      columns: rowColumns(t, flow, receiver, call, 0),
    };
  }
  return undefined;
}

const ENCRYPTING = new Set(ENCRYPTING_WORDS);

/**
 * The model's declaration of `column` encrypts what is stored: a decorator named for encryption
 * (sequelize-typescript `@Encrypted`, `@EncryptedColumn()`), or a column decorator whose options name
 * an encrypting transformer or type (`@Column({ transformer: new EncryptionTransformer(key) })`).
 * The model is the class written through (`IntegrationAuthentication.create`, `em.create(User, …)`)
 * or, with type information, the class of an instance (`user.save()`); its base classes count too.
 */
function encryptedModelProperty(flow: FlowContext, model: ts.Expression, column: string): boolean {
  const t = flow.ts;
  const expr = skipOuterExpressions(t, model);
  let classes: ts.ClassLikeDeclaration[] = [];
  if (t.isIdentifier(expr)) {
    const decl = resolveIdentifier(t, expr, flow.checker);
    if (decl && t.isClassDeclaration(decl)) classes = [decl];
  }
  if (classes.length === 0 && flow.checker) {
    const declarations = flow.checker.getTypeAtLocation(expr).getSymbol()?.declarations ?? [];
    classes = declarations.filter((d): d is ts.ClassLikeDeclaration => t.isClassLike(d));
  }
  for (let depth = 0; depth < 4 && classes.length > 0; depth++) {
    const next: ts.ClassLikeDeclaration[] = [];
    for (const cls of classes) {
      const property = cls.members.find(
        (m): m is ts.PropertyDeclaration => t.isPropertyDeclaration(m) && propertyNameText(t, m.name) === column,
      );
      if (property) return decoratorsEncrypt(t, property);
      const base = cls.heritageClauses?.find((h) => h.token === t.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
      const baseExpr = base && skipOuterExpressions(t, base);
      const baseDecl = baseExpr && t.isIdentifier(baseExpr) ? resolveIdentifier(t, baseExpr, flow.checker) : undefined;
      if (baseDecl && t.isClassDeclaration(baseDecl)) next.push(baseDecl);
    }
    classes = next;
  }
  return false;
}

/**
 * With a checker, the declaration of the written property: what `assistant.credential = …` assigns,
 * or the model's property of that name (`credential` of `Assistant`).
 */
function columnDeclaration(flow: FlowContext, write: DbWrite, column: WrittenColumn): ts.Declaration | undefined {
  const { checker, ts: t } = flow;
  if (!checker || column.column === undefined) return undefined;
  let symbol = t.isPropertyAccessExpression(column.node)
    ? checker.getSymbolAtLocation(column.node.name)
    : write.model && checker.getTypeAtLocation(skipOuterExpressions(t, write.model)).getProperty(column.column);
  // `getRepository(Assistant).save(assistant)` of an untyped `assistant`: the entity class the write names.
  const model = !symbol && write.model ? skipOuterExpressions(t, write.model) : undefined;
  const entity = model && t.isIdentifier(model) ? checker.getSymbolAtLocation(model) : undefined;
  if (entity) {
    const cls = entity.flags & t.SymbolFlags.Alias ? checker.getAliasedSymbol(entity) : entity;
    if (cls.flags & t.SymbolFlags.Class) symbol = checker.getDeclaredTypeOfSymbol(cls).getProperty(column.column);
  }
  return symbol ? (symbol.valueDeclaration ?? symbol.declarations?.[0]) : undefined;
}

/**
 * The receiver is a class the program declares without any mark of an ORM model: no decorator, and
 * no base class named for a model or entity (`Model`, `BaseEntity`, `Model<User>`) up its chain.
 * `UserRegisterCommand.create(...)` of the NestJS command pattern builds an object, it writes no row.
 */
function isPlainClass(flow: FlowContext, receiver: ts.Expression): boolean {
  const t = flow.ts;
  const expr = skipOuterExpressions(t, receiver);
  if (!t.isIdentifier(expr)) return false;
  let cls = resolveIdentifier(t, expr, flow.checker);
  for (let depth = 0; depth < 4; depth++) {
    if (!cls || !t.isClassDeclaration(cls)) return depth > 0; // a base we cannot see: unknown at the start only
    if ((t.getDecorators(cls) ?? []).length > 0) return false;
    const base = cls.heritageClauses?.find((h) => h.token === t.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    if (!base) return true;
    const baseExpr = skipOuterExpressions(t, base);
    const baseName = t.isIdentifier(baseExpr)
      ? baseExpr.text
      : t.isPropertyAccessExpression(baseExpr)
        ? baseExpr.name.text
        : undefined;
    if (baseName === undefined || splitWords(baseName).some((w) => MODEL_BASE_WORDS.includes(w))) return false;
    cls = t.isIdentifier(baseExpr) ? resolveIdentifier(t, baseExpr, flow.checker) : undefined;
  }
  return false;
}

/** A property's decorators say it is encrypted: by a decorator's name or by a name inside its options. */
function decoratorsEncrypt(t: TypeScript, property: ts.PropertyDeclaration): boolean {
  const encrypting = (name: string) => splitWords(name).some((w) => ENCRYPTING.has(w) || w.startsWith('encrypt'));
  return (t.getDecorators(property) ?? []).some(
    (decorator) =>
      (t.isIdentifier(decorator.expression) && encrypting(decorator.expression.text)) ||
      forEachDescendant(t, decorator.expression, (n) => (t.isIdentifier(n) && encrypting(n.text) ? 'stop' : undefined)),
  );
}

/** The rows a receiver-matched write method takes, or undefined when the receiver is not of its kind. */
function rowArguments(
  flow: FlowContext,
  call: ts.CallExpression,
  receiver: ts.Expression,
  way: RowWriteMethod,
): ts.Expression[] | undefined {
  const t = flow.ts;
  const path = accessPath(t, receiver);
  const last = path?.[path.length - 1];
  if (!last) return undefined;
  const words = splitWords(last);
  const at = (positions: readonly number[], shift: number) =>
    positions
      .map((p) => call.arguments[p + shift])
      .filter((a): a is ts.Expression => a !== undefined && !t.isSpreadElement(a));
  switch (way.receiver) {
    case 'repository':
      return words.some((w) => REPOSITORY_NAME_WORDS.includes(w)) ? at(way.rows, 0) : undefined;
    case 'manager': {
      if (!ENTITY_MANAGER_NAMES.includes(last.toLowerCase())) return undefined;
      // `em.create(User, data)`, `manager.save(User, data)`: the entity class or name comes first.
      const entity = call.arguments[0] && skipOuterExpressions(t, call.arguments[0]);
      const named =
        entity !== undefined && ((t.isIdentifier(entity) && /^[A-Z]/.test(entity.text)) || t.isStringLiteral(entity));
      return at(way.rows, named ? 1 : 0);
    }
    case 'model': {
      const lastWord = words[words.length - 1] ?? '';
      const isModel =
        (/^[A-Z][A-Za-z0-9]*$/.test(last) &&
          !NOT_MODEL_RECEIVERS.includes(last) &&
          !NOT_MODEL_NAME_WORDS.includes(lastWord) &&
          !isPlainClass(flow, receiver) &&
          !isLibraryExport(flow, receiver)) ||
        MODEL_NAME_WORDS.includes(lastWord);
      return isModel ? at(way.rows, 0) : undefined;
    }
  }
}

/** Packages whose exports are models or model bases (`Model.create` of Sequelize, Mongoose, TypeORM, …). */
const ORM_MODULE =
  /^(?:mongoose|sequelize|sequelize-typescript|typeorm|objection|dynamoose|bookshelf|waterline|@mikro-orm\/|@typegoose\/)/;
/** Top-level names (classes, functions, variables) the program's own files declare, per program. */
const declaredNamesOfProgram = new WeakMap<ts.Program, ReadonlySet<string>>();

/**
 * `Sandbox.create({ apiKey })` where `Sandbox` is imported from a package (`@e2b/code-interpreter`)
 * and the program declares nothing of that name: an SDK's factory, not the project's model. Models
 * are the program's own (`export class User extends Model`, `export const User = mongoose.model(…)`),
 * also when imported through a workspace package or a path alias; an ORM package's export counts as
 * a model. Without a program (a file alone) nothing is known.
 */
function isLibraryExport(flow: FlowContext, receiver: ts.Expression): boolean {
  const t = flow.ts;
  const expr = skipOuterExpressions(t, receiver);
  const program = flow.checker ? programOf(flow.checker) : undefined;
  if (!program || !t.isIdentifier(expr)) return false;
  const decl = resolveIdentifier(t, expr, undefined);
  const importDecl =
    decl && (t.isImportSpecifier(decl) ? decl.parent.parent.parent : t.isImportClause(decl) ? decl.parent : undefined);
  if (!importDecl || !t.isImportDeclaration(importDecl) || !t.isStringLiteral(importDecl.moduleSpecifier)) return false;
  const module = importDecl.moduleSpecifier.text;
  if (/^[./~#]|^@\//.test(module) || ORM_MODULE.test(module)) return false;
  let names = declaredNamesOfProgram.get(program);
  if (!names) {
    const found = new Set<string>();
    for (const file of program.getSourceFiles()) {
      if (file.isDeclarationFile) continue;
      for (const statement of file.statements) {
        if ((t.isClassDeclaration(statement) || t.isFunctionDeclaration(statement)) && statement.name)
          found.add(statement.name.text);
        else if (t.isVariableStatement(statement))
          for (const d of statement.declarationList.declarations) if (t.isIdentifier(d.name)) found.add(d.name.text);
      }
    }
    declaredNamesOfProgram.set(program, (names = found));
  }
  return !names.has(expr.text);
}

/** The call of one of `names` earlier in a builder chain: `db.insert(users)` under `.values(...)`. */
function chainCall(t: TypeScript, receiver: ts.Expression, names: readonly string[]): ts.CallExpression | undefined {
  for (
    let expr: ts.Expression = receiver;
    t.isCallExpression(expr) || t.isPropertyAccessExpression(expr);
    expr = skipOuterExpressions(t, expr.expression)
  ) {
    if (!t.isCallExpression(expr)) continue;
    const name = calleeName(t, expr.expression);
    if (name && names.includes(name)) return expr;
  }
  return undefined;
}

/** The table a Knex chain names: `knex('users')`, `.table('users')`, `.into('users')`, `.from('users')`. */
function knexTable(t: TypeScript, receiver: ts.CallExpression): string | undefined {
  for (
    let expr: ts.Expression = receiver;
    t.isCallExpression(expr) || t.isPropertyAccessExpression(expr);
    expr = skipOuterExpressions(t, expr.expression)
  ) {
    if (!t.isCallExpression(expr)) continue;
    const callee = skipOuterExpressions(t, expr.expression);
    const name = calleeName(t, callee);
    const table = expr.arguments[0] && staticString(t, expr.arguments[0]);
    if (table !== undefined && (t.isIdentifier(callee) || (name !== undefined && KNEX_TABLE_CALLS.includes(name))))
      return table;
  }
  return undefined;
}

function tableName(t: TypeScript, node: ts.Expression | undefined): string | undefined {
  if (!node) return undefined;
  const expr = skipOuterExpressions(t, node);
  return (
    staticString(t, expr) ??
    (t.isIdentifier(expr) ? expr.text : t.isPropertyAccessExpression(expr) ? expr.name.text : undefined)
  );
}

/** `dataSource.getRepository(Assistant)`: the entity class a TypeORM repository writes. */
function repositoryEntity(t: TypeScript, receiver: ts.Expression): ts.Expression | undefined {
  const expr = skipOuterExpressions(t, receiver);
  if (!t.isCallExpression(expr) || calleeName(t, expr.expression) !== 'getRepository') return undefined;
  const entity = expr.arguments[0];
  return entity && t.isIdentifier(skipOuterExpressions(t, entity)) ? entity : undefined;
}

function modelName(t: TypeScript, receiver: ts.Expression): string | undefined {
  const path = accessPath(t, receiver);
  return path?.[path.length - 1];
}

/**
 * The columns a row writes: an object literal's properties (nested Prisma writes and Mongoose
 * operators included), each element of an array, the object a factory builds (`repo.create({...})`,
 * `new User({...})`), and for an entity variable its initializer and the properties assigned to it
 * before the write (`user.apiKey = key; await repo.save(user)`). Anything else is one unnamed column.
 */
function rowColumns(
  t: TypeScript,
  flow: FlowContext,
  node: ts.Expression,
  write: ts.Node,
  depth: number,
  owner?: string,
): WrittenColumn[] {
  const expr = skipOuterExpressions(t, node);
  if (depth > 3) return [];
  if (t.isArrayLiteralExpression(expr))
    return expr.elements.flatMap((e) => (t.isSpreadElement(e) ? [] : rowColumns(t, flow, e, write, depth + 1, owner)));
  if (t.isObjectLiteralExpression(expr)) {
    const out: WrittenColumn[] = [];
    for (const p of expr.properties) {
      if (t.isShorthandPropertyAssignment(p)) out.push({ column: p.name.text, owner, value: p.name, node: p });
      else if (t.isSpreadAssignment(p)) out.push(...rowColumns(t, flow, p.expression, write, depth + 1, owner));
      else if (t.isPropertyAssignment(p)) {
        const key = propertyNameText(t, p.name);
        const value = skipOuterExpressions(t, p.initializer);
        if (
          t.isObjectLiteralExpression(value) ||
          (key !== undefined && NESTED_ROW_KEYS.includes(key) && t.isArrayLiteralExpression(value))
        ) {
          // A nested write or operator (`{ create: {...} }`, `{ $set: {...} }`), or a JSON column's object.
          const nested = key !== undefined && !NESTED_ROW_KEYS.includes(key) ? key : owner;
          out.push(...rowColumns(t, flow, value, write, depth + 1, nested));
        } else {
          out.push({ column: key, owner, value: p.initializer, node: p });
        }
      }
    }
    return out;
  }
  if (t.isCallExpression(expr) || t.isNewExpression(expr)) {
    const name = calleeName(t, expr.expression);
    // `rows.map((row) => ({ ...row, apiToken: nanoid() }))`: the rows the callback returns.
    const callback =
      name === 'map' && t.isCallExpression(expr) && expr.arguments[0]
        ? skipOuterExpressions(t, expr.arguments[0])
        : undefined;
    if (callback && (t.isArrowFunction(callback) || t.isFunctionExpression(callback))) {
      return returnedExpressions(t, callback).flatMap((r) => rowColumns(t, flow, r, write, depth + 1, owner));
    }
    // `new User({ ... })` builds a row; `new CompositionService(tx, orgId, logger, { webhookJWTSecret })`,
    // whose object is one argument among several, configures a service.
    const built =
      (t.isNewExpression(expr) && (expr.arguments?.length ?? 0) <= 1) ||
      (name !== undefined && ENTITY_FACTORY_METHODS.includes(name));
    const object = built
      ? expr.arguments?.find((a) => t.isObjectLiteralExpression(skipOuterExpressions(t, a)))
      : undefined;
    if (object) return rowColumns(t, flow, object, write, depth + 1);
    // `repo.create(newKey)` after `newKey.apiKey = apiKey`: the entity built from another one carries its fields.
    const source = built && expr.arguments?.length === 1 ? skipOuterExpressions(t, expr.arguments[0]!) : undefined;
    if (source && t.isIdentifier(source)) return rowColumns(t, flow, source, write, depth + 1);
  }
  if (t.isIdentifier(expr)) {
    const decl = resolveIdentifier(t, expr, flow.checker);
    // A write helper's row parameter, while a call of it is judged: the argument the call gives.
    const bound = decl && t.isParameter(decl) ? parameterBindings?.get(decl) : undefined;
    if (bound) return rowColumns(t, flow, bound, write, depth + 1, owner);
    if (decl && (t.isVariableDeclaration(decl) || t.isParameter(decl))) {
      const out: WrittenColumn[] = [];
      const init =
        t.isVariableDeclaration(decl) && decl.initializer ? skipOuterExpressions(t, decl.initializer) : undefined;
      if (
        init &&
        (t.isObjectLiteralExpression(init) ||
          t.isCallExpression(init) ||
          t.isNewExpression(init) ||
          t.isAwaitExpression(init))
      ) {
        const built = t.isAwaitExpression(init) ? skipOuterExpressions(t, init.expression) : init;
        if (t.isObjectLiteralExpression(built) || t.isCallExpression(built) || t.isNewExpression(built))
          out.push(...rowColumns(t, flow, built, write, depth + 1));
      }
      out.push(...assignedBefore(t, expr, decl, write));
      return out;
    }
  }
  return [];
}

/** What a function returns: an arrow's expression body, or its `return` expressions (not those of nested functions). */
function returnedExpressions(t: TypeScript, fn: ts.FunctionLikeDeclaration): ts.Expression[] {
  if (!fn.body) return [];
  if (!t.isBlock(fn.body)) return [fn.body as ts.Expression];
  const out: ts.Expression[] = [];
  forEachDescendant(t, fn.body, (n) => {
    if (isFunctionLike(t, n)) return 'skip';
    if (t.isReturnStatement(n) && n.expression) out.push(n.expression);
    return undefined;
  });
  return out;
}

/** `entity.key = value` statements before the write, in the entity variable's function. */
function assignedBefore(t: TypeScript, id: ts.Identifier, decl: ts.Node, write: ts.Node): WrittenColumn[] {
  const scope = enclosingFunctionOrFile(t, write);
  const out: WrittenColumn[] = [];
  forEachDescendant(t, scope, (node) => {
    if (node.pos >= write.pos) return 'skip';
    if (!t.isBinaryExpression(node) || node.operatorToken.kind !== t.SyntaxKind.EqualsToken) return undefined;
    const left = skipOuterExpressions(t, node.left);
    if (!t.isPropertyAccessExpression(left) && !t.isElementAccessExpression(left)) return undefined;
    const target = skipOuterExpressions(t, left.expression);
    if (!t.isIdentifier(target) || target.text !== id.text) return undefined;
    const column = t.isPropertyAccessExpression(left) ? left.name.text : propertyNameText(t, left.argumentExpression);
    out.push({ column, value: node.right, node: left });
    return undefined;
  });
  return out;
}

// ---- SQL -----------------------------------------------------------------------------------------

/** `client.query('INSERT INTO t (a, b) VALUES ($1, $2)', [a, b])`, `pool.query({ text, values })`, `$executeRawUnsafe(sql, a, b)`. */
function sqlCallWrite(t: TypeScript, call: ts.CallExpression, method: string, sink: string): DbWrite | undefined {
  const spec = SQL_QUERY_METHODS[method]!;
  const first = call.arguments[0] && skipOuterExpressions(t, call.arguments[0]);
  if (!first) return undefined;
  let text: string | undefined;
  let params: readonly ts.Expression[] = [];
  if (t.isObjectLiteralExpression(first)) {
    const textNode = first.properties.find(
      (p): p is ts.PropertyAssignment =>
        t.isPropertyAssignment(p) && ['text', 'sql'].includes(propertyNameText(t, p.name) ?? ''),
    );
    const values = first.properties.find(
      (p): p is ts.PropertyAssignment => t.isPropertyAssignment(p) && propertyNameText(t, p.name) === 'values',
    );
    text = textNode && staticString(t, textNode.initializer);
    const list = values && skipOuterExpressions(t, values.initializer);
    if (list && t.isArrayLiteralExpression(list)) params = list.elements;
  } else {
    text = staticString(t, first);
    if (spec.spread) params = call.arguments.slice(spec.params);
    else {
      const list = call.arguments[spec.params] && skipOuterExpressions(t, call.arguments[spec.params]!);
      if (list && t.isArrayLiteralExpression(list)) params = list.elements;
    }
  }
  if (text === undefined || params.length === 0) return undefined;
  const statement = writeStatement(text);
  if (!statement) return undefined;
  const columns: WrittenColumn[] = [];
  for (const { column, param } of statement.columns) {
    const value = params[param];
    if (value && !t.isSpreadElement(value) && !t.isOmittedExpression(value))
      columns.push({ column, value, node: value });
  }
  return {
    sink: `${sink} (${statement.verb.toUpperCase()} ${statement.table})`,
    table: statement.table,
    certain: true,
    columns,
  };
}

/** postgres.js and Prisma tagged templates: ``sql`INSERT INTO t (a) VALUES (${a})` ``, ``prisma.$executeRaw`UPDATE ...` ``. */
function taggedSqlWrite(t: TypeScript, node: ts.TaggedTemplateExpression): DbWrite | undefined {
  const template = node.template;
  if (!t.isTemplateExpression(template)) return undefined;
  let text = template.head.text;
  template.templateSpans.forEach((span, i) => (text += `$${i + 1}${span.literal.text}`));
  const statement = writeStatement(text);
  if (!statement) return undefined;
  const columns: WrittenColumn[] = [];
  for (const { column, param } of statement.columns) {
    const span = template.templateSpans[param];
    if (span) columns.push({ column, value: span.expression, node: span.expression });
  }
  return {
    sink: `${shortText(node.tag, 30)}\`…\` (${statement.verb.toUpperCase()} ${statement.table})`,
    table: statement.table,
    certain: true,
    columns,
  };
}

interface WriteStatement {
  readonly verb: string;
  readonly table: string;
  /** Columns given a bare parameter, with the parameter's index (0-based). */
  readonly columns: { readonly column: string; readonly param: number }[];
}

const IDENT = String.raw`[\w."\`\[\]]+`;

/**
 * The columns an INSERT or UPDATE gives parameters: `INSERT INTO t (a, b) VALUES ($1, $2)`,
 * `UPDATE t SET a = ?, b = ? WHERE ...` (`?` counted in order). A column given an expression
 * (`crypt($1, gen_salt('bf'))`, `digest($2, 'sha256')`) is not a bare parameter and is left out.
 */
function writeStatement(sql: string): WriteStatement | undefined {
  const text = sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
  const verb = /^\s*(\w+)/.exec(text)?.[1]?.toLowerCase();
  if (!verb || !SQL_WRITE_VERBS.includes(verb)) return undefined;
  let question = 0;
  const numbered = text.replace(/\?/g, () => `$${++question}`);
  const param = (expr: string): number | undefined => {
    const m = /^\s*\$(\d+)(?:\s*::\s*\w+)?\s*$/.exec(expr);
    return m ? Number(m[1]) - 1 : undefined;
  };
  const clean = (name: string) =>
    name
      .trim()
      .replace(/["`[\]]/g, '')
      .split('.')
      .pop()!;
  const insert = new RegExp(
    String.raw`^\s*(?:insert|replace|upsert)\s+(?:ignore\s+)?(?:into\s+)?(${IDENT})\s*\(([^)]*)\)\s*values\s*\(`,
    'i',
  ).exec(numbered);
  if (insert) {
    const values = balanced(numbered, insert.index + insert[0].length);
    const names = insert[2]!.split(',').map(clean);
    const exprs = splitTopLevel(values);
    const columns = names.flatMap((column, i) => {
      const p = exprs[i] === undefined ? undefined : param(exprs[i]!);
      return p === undefined ? [] : [{ column, param: p }];
    });
    return { verb, table: clean(insert[1]!), columns };
  }
  const update = new RegExp(
    String.raw`^\s*update\s+(${IDENT})\s+set\s+([\s\S]*?)(?:\bwhere\b|\breturning\b|\bfrom\b|$)`,
    'i',
  ).exec(numbered);
  if (update) {
    const columns = splitTopLevel(update[2]!).flatMap((assignment) => {
      const eq = assignment.indexOf('=');
      const p = eq < 0 ? undefined : param(assignment.slice(eq + 1));
      return p === undefined ? [] : [{ column: clean(assignment.slice(0, eq)), param: p }];
    });
    return { verb, table: clean(update[1]!), columns };
  }
  return undefined;
}

/** The text up to the parenthesis that closes one opened just before `start`. */
function balanced(text: string, start: number): string {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(start, i);
  }
  return text.slice(start);
}

/** Splits at commas outside parentheses and quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}
