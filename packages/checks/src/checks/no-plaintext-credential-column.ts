import type * as ts from 'typescript';
import { defineCheck, type TypeScript } from '../check.js';
import {
  accessPath,
  calleeName,
  forEachDescendant,
  propertyNameText,
  resolveIdentifier,
  constString,
  objectPropertyValue,
  skipOuterExpressions,
} from '../ast/index.js';
import {
  ADD_COLUMN_METHOD,
  COLUMN_DECORATORS,
  DRIZZLE_TABLE_FACTORIES,
  ENCRYPTING_WORDS,
  ENTITY_DECORATORS,
  HASHING_WORDS,
  KNEX_COLUMN_METHODS,
  KNEX_TABLE_METHODS,
  KYSELY_TABLE_METHODS,
  NON_TEXT_COLUMN_TYPES,
  SQL_TEXT_TYPE_NAMES,
  PAYLOAD_FIELD_TYPE_NAMES,
  PAYLOAD_NESTING_FIELD_TYPES,
  PAYLOAD_STORED_FIELD_TYPES,
  SEQUELIZE_ATTRIBUTE_CALLS,
  SEQUELIZE_TYPE_ROOTS,
  SEQUELIZE_UNSTORED_TYPES,
  TYPEORM_MIGRATION_CLASSES,
  ATTRIBUTE_SETTERS,
  SCHEMA_CLASSES,
} from '../catalogs/orm-columns.js';
import { splitWords, type SecretKind } from '../names/index.js';
import {
  credentialColumnVerdict,
  ddlColumnVerdict,
  ddlSiblings,
  type CredentialColumnClassification,
} from '../sql/column-verdict.js';
import { readDdlSchema } from '../sql/ddl.js';
import { analyzeSchemaColumns } from '../text/credential-columns.js';

export type NoPlaintextCredentialColumnOptions = Record<string, never>;

type MessageId = 'plaintextPassword' | 'plaintextCredential' | 'plaintextSchemaColumn';

/** A column declaration found in code, before its verdict. */
interface ColumnDeclaration {
  /** Where the finding points. */
  readonly node: ts.Node;
  /** The column name's span inside `node`, when the node is a whole SQL string. */
  readonly range?: { readonly start: number; readonly end: number };
  /** The names the column goes by: the ORM property and/or the database name. */
  readonly names: readonly (string | undefined)[];
  readonly type: string | undefined;
  readonly table: string | undefined;
  readonly orm: string;
  /** The names of the other columns the declaration shows for the same table (a `salt` beside a `token`). */
  readonly siblings?: readonly string[];
  /** A verdict decided already (SQL DDL knows more than names and type). */
  readonly verdict?: CredentialColumnClassification;
  /** The ORM property name, when hooks in the file may assign it a hash (not for SQL). */
  readonly property?: string | undefined;
  /**
   * The model the column belongs to, as the nodes a hook names it by: the entity class, the
   * variable holding a Mongoose schema or a Sequelize model, the `define`/`init` call. A hook on
   * another model of the same file protects nothing here.
   */
  readonly owners?: readonly ts.Node[];
}

const ENCRYPTING = new Set(ENCRYPTING_WORDS);
const HASHING = new Set(HASHING_WORDS);
const SEQUELIZE_ROOTS = new Set(SEQUELIZE_TYPE_ROOTS);
const DRIZZLE_FACTORIES = new Set(DRIZZLE_TABLE_FACTORIES);
const KNEX_TABLES = new Set(KNEX_TABLE_METHODS);
const KYSELY_TABLES = new Set(KYSELY_TABLE_METHODS);
const ENTITIES = new Set(ENTITY_DECORATORS);
const SEQUELIZE_UNSTORED = new Set(SEQUELIZE_UNSTORED_TYPES);
/** Quick test before a literal goes to the DDL reader. */
const DDL_HINT = /\b(?:create|alter)\s+(?:\w+\s+)*table\b/i;
/** SQL type names Sequelize takes as strings, upper case: text ones and every non-text one. */
const SQL_TYPE_NAMES = new Set([
  ...SQL_TEXT_TYPE_NAMES,
  ...Object.values(NON_TEXT_COLUMN_TYPES)
    .flat()
    .map((n) => n.toUpperCase()),
]);
/** Stands in for `${...}` in a template so offsets stay put; a quoted identifier of control characters. */
const FILLER = '\u0001';

const KIND_PHRASES: Partial<Record<SecretKind, string>> = {
  'api-key': 'an API key',
  'private-key': 'a private key',
  'client-secret': 'a client secret',
  'connection-string': 'a connection string',
  'signing-key': 'a signing key',
  authorization: 'an authorization credential',
  otp: 'a one-time code',
  mnemonic: 'a recovery mnemonic',
  session: 'a session identifier',
  credential: 'a credential',
  secret: 'a secret',
};

export const noPlaintextCredentialColumn = defineCheck<NoPlaintextCredentialColumnOptions, MessageId>({
  id: 'no-plaintext-credential-column',
  meta: {
    type: 'problem',
    description: 'Disallow database columns that store passwords, tokens or keys in plaintext',
    messages: {
      plaintextPassword:
        "Column '{{column}}' ({{orm}}) stores a password in plaintext. Store a slow hash (argon2id, scrypt or bcrypt) in a column named like 'password_hash' instead.",
      plaintextCredential:
        "Column '{{column}}' ({{orm}}) stores {{kind}} in plaintext. Store it encrypted (ciphertext, nonce and key-version columns), or as a hash if it is only ever compared.",
      plaintextSchemaColumn:
        '{{table}}.{{column}} stores a {{kind}} in plaintext: store a hash (passwords) or ciphertext (keys, tokens) instead.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    level: 'strict',
    inputs: ['typescript', 'prisma', 'sql'],
  },
  analyzeText: analyzeSchemaColumns,
  create(context) {
    const t = context.ts;
    const { checker, settings, sourceFile } = context;

    let hashedInFile: ProtectedAssignments | undefined;
    const report = (column: ColumnDeclaration): void => {
      if (column.property !== undefined) {
        hashedInFile ??= propertiesAssignedProtectedValues(t, sourceFile, checker);
        if (isAssignedProtectedValue(hashedInFile, column.property, column.owners ?? [])) return;
      }
      const names = column.names.filter((n): n is string => n !== undefined && n.length > 0);
      const verdict =
        column.verdict ??
        credentialColumnVerdict(names, column.type, settings, { table: column.table, siblings: column.siblings });
      if (verdict.verdict !== 'plaintext') return;
      // A declaration says what a column is for, not how the program writes it: never high alone.
      const confidence = verdict.confidence ?? 'medium';
      // The database name when there is one: that is what sits in the table.
      const name = names[names.length - 1]!;
      const qualified = column.table ? `${column.table}.${name}` : name;
      const data = { column: qualified, orm: column.orm };
      const at = { node: column.node, ...(column.range ? { range: column.range } : {}) };
      if (verdict.kind === 'password') context.report({ ...at, messageId: 'plaintextPassword', data, confidence });
      else
        context.report({
          ...at,
          messageId: 'plaintextCredential',
          data: { ...data, kind: kindPhrase(verdict.kind) },
          confidence,
        });
    };

    const visitCall = (call: ts.CallExpression): void => {
      const name = calleeName(t, call.expression);
      if (!name) return;
      if (DRIZZLE_FACTORIES.has(name)) drizzleTable(t, call, report);
      if (Object.prototype.hasOwnProperty.call(SEQUELIZE_ATTRIBUTE_CALLS, name))
        sequelizeAttributes(t, call, name, checker, report);
      if (Object.prototype.hasOwnProperty.call(KNEX_COLUMN_METHODS, name)) knexColumn(t, call, name, checker, report);
      if (name === ADD_COLUMN_METHOD) addColumn(t, call, report);
    };

    const visitLiteral = (
      literal: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression,
    ): void => {
      const start = literal.getStart(sourceFile);
      const raw = sourceFile.text.slice(start + 1, literal.getEnd() - 1);
      if (!DDL_HINT.test(raw)) return;
      const columns = readDdlSchema(ddlText(t, literal, raw, start + 1));
      const siblings = ddlSiblings(columns);
      for (const column of columns) {
        if (column.column.includes(FILLER)) continue;
        const table = column.table.includes(FILLER)
          ? undefined
          : column.schema
            ? `${column.schema}.${column.table}`
            : column.table;
        // Point at the column name inside the string, not at the whole statement.
        const range = { start: start + 1 + column.start, end: start + 1 + column.end };
        report({
          node: literal,
          range,
          names: [column.column],
          type: column.type,
          table,
          orm: 'SQL',
          verdict: ddlColumnVerdict(column, settings, siblings(column)),
        });
      }
    };

    return {
      visit(node) {
        if (t.isCallExpression(node)) {
          visitCall(node);
        } else if (t.isNewExpression(node)) {
          typeormMigration(t, node, report);
          schemaObject(t, node, report);
        } else if (t.isPropertyDeclaration(node)) {
          decoratedColumn(t, node, report);
        } else if (t.isStringLiteral(node) || t.isNoSubstitutionTemplateLiteral(node) || t.isTemplateExpression(node)) {
          visitLiteral(node);
        } else if (t.isObjectLiteralExpression(node)) {
          payloadCollection(t, node, report);
        } else if (t.isVariableDeclaration(node)) {
          payloadFieldList(t, node, report);
        }
      },
    };
  },
});

function kindPhrase(kind: SecretKind | undefined): string {
  const k = kind ?? 'secret';
  return KIND_PHRASES[k] ?? `a ${k.replace(/-/g, ' ')}`;
}

/** Property names a file assigns a hashed or encrypted value to: for one model, or for whatever model (the owner is unknown). */
interface ProtectedAssignments {
  readonly anywhere: ReadonlySet<string>;
  readonly byOwner: ReadonlyMap<ts.Node, ReadonlySet<string>>;
}

function isAssignedProtectedValue(
  assignments: ProtectedAssignments,
  property: string,
  owners: readonly ts.Node[],
): boolean {
  return (
    assignments.anywhere.has(property) || owners.some((owner) => assignments.byOwner.get(owner)?.has(property) === true)
  );
}

/**
 * Property names this file assigns a hashed or encrypted value to: entity hooks
 * (`@BeforeInsert() hash() { this.password = await bcrypt.hash(this.password, 10) }`), Sequelize
 * hooks (`user.password = await hashPassword(user.password)`), Mongoose middleware
 * (`schema.pre('save', function () { this.password = … })`) and setters
 * (`this.setDataValue('password', hash(v))`). A column with such a name holds the protected form,
 * when the assignment is made for its model (`modelOf`), or anywhere when the model is not known.
 */
function propertiesAssignedProtectedValues(
  t: TypeScript,
  file: ts.SourceFile,
  checker: ts.TypeChecker | undefined,
): ProtectedAssignments {
  const anywhere = new Set<string>();
  const byOwner = new Map<ts.Node, Set<string>>();
  const add = (name: string, receiver: ts.Expression, at: ts.Node) => {
    const owner = modelOf(t, receiver, at, checker);
    if (!owner) anywhere.add(name);
    else byOwner.set(owner, (byOwner.get(owner) ?? new Set()).add(name));
  };
  forEachDescendant(t, file, (node) => {
    if (t.isBinaryExpression(node) && node.operatorToken.kind === t.SyntaxKind.EqualsToken) {
      const left = skipOuterExpressions(t, node.left);
      const name =
        t.isPropertyAccessExpression(left) || t.isElementAccessExpression(left) ? calleeName(t, left) : undefined;
      if (name !== undefined && mentionsProtection(t, node.right, true))
        add(name, (left as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression, node);
    } else if (t.isCallExpression(node)) {
      const method = calleeName(t, node.expression);
      const setter =
        method !== undefined && Object.prototype.hasOwnProperty.call(ATTRIBUTE_SETTERS, method)
          ? ATTRIBUTE_SETTERS[method]!
          : undefined;
      const nameArg = setter && node.arguments[setter.name];
      const valueArg = setter && node.arguments[setter.value];
      const name = nameArg && knownString(t, nameArg);
      const callee = skipOuterExpressions(t, node.expression);
      if (name !== undefined && valueArg && mentionsProtection(t, valueArg, true))
        add(name, t.isPropertyAccessExpression(callee) ? callee.expression : callee, node);
    }
  });
  return { anywhere, byOwner };
}

/**
 * The model a hook's assignment is made for, as a column's `owners` names it; undefined when that
 * is not clear (then the assignment counts for the whole file, as before models were told apart):
 * - `this.x = …` in a class method: the class;
 * - `this.x = …` in a function given to `schema.pre(…)` / `Model.beforeSave(…)`: that model's binding;
 * - `user.x = …` on a parameter of a function given to `Model.beforeSave(…)` / `Model.addHook(…)`: the model's binding;
 * - otherwise, inside a Sequelize `define`/`init` call (`hooks: {…}`, an attribute's `set()`): that call.
 */
function modelOf(
  t: TypeScript,
  receiver: ts.Expression,
  at: ts.Node,
  checker: ts.TypeChecker | undefined,
): ts.Node | undefined {
  const expr = skipOuterExpressions(t, receiver);
  let fn: ts.Node | undefined;
  if (expr.kind === t.SyntaxKind.ThisKeyword) {
    fn = at.parent;
    while (fn && !(t.isFunctionLike(fn) && !t.isArrowFunction(fn)) && !t.isClassLike(fn)) fn = fn.parent;
    if (fn && (t.isClassLike(fn) || t.isClassLike(fn.parent))) return t.isClassLike(fn) ? fn : fn.parent;
  } else if (t.isIdentifier(expr)) {
    const decl = resolveIdentifier(t, expr, checker);
    if (decl && t.isParameter(decl)) fn = decl.parent;
  }
  if (!fn) return undefined;
  const call = fn.parent;
  if (call && t.isCallExpression(call) && call.arguments.includes(fn as ts.Expression)) {
    const callee = skipOuterExpressions(t, call.expression);
    const model =
      t.isPropertyAccessExpression(callee) && t.isIdentifier(callee.expression)
        ? resolveIdentifier(t, callee.expression, checker)
        : undefined;
    if (model && isModelBinding(t, model)) return model;
  }
  for (let node: ts.Node | undefined = fn.parent; node; node = node.parent) {
    if (
      t.isCallExpression(node) &&
      Object.prototype.hasOwnProperty.call(SEQUELIZE_ATTRIBUTE_CALLS, calleeName(t, node.expression) ?? '')
    )
      return node;
  }
  return undefined;
}

/** A binding that holds a model: a class, or a variable holding `new Schema(…)` or `sequelize.define(…)`. */
function isModelBinding(t: TypeScript, decl: ts.Node): boolean {
  if (t.isClassLike(decl)) return true;
  const init =
    t.isVariableDeclaration(decl) && decl.initializer ? skipOuterExpressions(t, decl.initializer) : undefined;
  if (!init) return false;
  if (t.isNewExpression(init)) return calleeName(t, init.expression) === SCHEMA_CLASSES.mongoose;
  return t.isCallExpression(init) && calleeName(t, init.expression) === 'define';
}

/** The variable a model-making expression is stored in: `const userSchema = new Schema(…)`. */
function bindingHolding(t: TypeScript, node: ts.Node): ts.VariableDeclaration | undefined {
  let current = node;
  while (
    current.parent &&
    (t.isParenthesizedExpression(current.parent) ||
      t.isAsExpression(current.parent) ||
      t.isAwaitExpression(current.parent) ||
      t.isSatisfiesExpression(current.parent))
  )
    current = current.parent;
  return current.parent && t.isVariableDeclaration(current.parent) && current.parent.initializer === current
    ? current.parent
    : undefined;
}

/** True when a name's words say it encrypts (`encryptedTransformer`) or, with `hashing`, hashes (`bcrypt.hash`). */
function namesProtection(name: string, hashing: boolean): boolean {
  return splitWords(name).some((w) => ENCRYPTING.has(w) || w.startsWith('encrypt') || (hashing && HASHING.has(w)));
}

/** True when any identifier or member name inside the expression names an encryption (or a hash). */
function mentionsProtection(t: TypeScript, node: ts.Node, hashing: boolean): boolean {
  const names = (at: ts.Node) => (t.isIdentifier(at) || t.isPrivateIdentifier(at)) && namesProtection(at.text, hashing);
  return names(node) || forEachDescendant(t, node, (child) => (names(child) ? 'stop' : undefined));
}

/** The property names of an object literal: the columns of a table declared as one. */
function propertyNames(t: TypeScript, object: ts.ObjectLiteralExpression): string[] {
  return object.properties
    .map((p) => (p.name ? propertyNameText(t, p.name) : undefined))
    .filter((n): n is string => n !== undefined);
}

/** The innermost call of a builder chain: `text('a')` in `text('a').notNull().default('')`. */
function rootCall(t: TypeScript, node: ts.Expression): ts.CallExpression | undefined {
  let expr = skipOuterExpressions(t, node);
  let root: ts.CallExpression | undefined;
  for (;;) {
    if (t.isCallExpression(expr)) {
      root = expr;
      expr = skipOuterExpressions(t, expr.expression);
    } else if (t.isPropertyAccessExpression(expr) && t.isCallExpression(skipOuterExpressions(t, expr.expression))) {
      expr = skipOuterExpressions(t, expr.expression);
    } else {
      return root;
    }
  }
}

/**
 * A string known without running the code: a literal, a `const` (`const PASSWORD = 'password'`) or
 * a member of a `const` object (`COLUMNS.password`). Column and table names often come from constants.
 */
function knownString(t: TypeScript, node: ts.Expression): string | undefined {
  const direct = constString(t, node);
  if (direct !== undefined) return direct;
  const expr = skipOuterExpressions(t, node);
  if (!t.isPropertyAccessExpression(expr)) return undefined;
  const value = objectPropertyValue(t, expr.expression, expr.name.text);
  return value ? constString(t, value) : undefined;
}

function firstStringArgument(t: TypeScript, call: ts.CallExpression): string | undefined {
  const first = call.arguments[0];
  return first ? knownString(t, first) : undefined;
}

/** The object literal a function returns directly: `(t) => ({ ... })`. */
function returnedObject(t: TypeScript, node: ts.Expression): ts.ObjectLiteralExpression | undefined {
  const expr = skipOuterExpressions(t, node);
  if (t.isObjectLiteralExpression(expr)) return expr;
  if (t.isArrowFunction(expr) && !t.isBlock(expr.body)) {
    const body = skipOuterExpressions(t, expr.body);
    return t.isObjectLiteralExpression(body) ? body : undefined;
  }
  return undefined;
}

type Report = (column: ColumnDeclaration) => void;

/** Drizzle: `pgTable('users', { password: text('password').notNull() })`, also `(t) => ({ ... })`. */
function drizzleTable(t: TypeScript, call: ts.CallExpression, report: Report): void {
  const [tableArg, columnsArg] = call.arguments;
  const table = tableArg && knownString(t, tableArg);
  const columns = columnsArg && returnedObject(t, columnsArg);
  if (table === undefined || !columns) return;
  for (const property of columns.properties) {
    if (!t.isPropertyAssignment(property)) continue;
    const builder = rootCall(t, property.initializer);
    const builderName = builder && calleeName(t, builder.expression);
    // `encryptedText('api_key')`: a custom type that encrypts.
    if (!builder || !builderName || namesProtection(builderName, false)) continue;
    const key = propertyNameText(t, property.name);
    report({
      node: property.name,
      names: [key, firstStringArgument(t, builder)],
      type: builderName,
      table,
      orm: 'Drizzle',
      property: key,
      siblings: propertyNames(t, columns),
    });
  }
}

/** The Sequelize type an attribute value names: `DataTypes.STRING`, `DataTypes.STRING(64)`, `Sequelize.TEXT`. */
function sequelizeType(t: TypeScript, node: ts.Expression): string | undefined {
  let expr = skipOuterExpressions(t, node);
  if (t.isCallExpression(expr)) expr = skipOuterExpressions(t, expr.expression);
  const path = accessPath(t, expr);
  if (!path || path.length < 2 || !SEQUELIZE_ROOTS.has(path[path.length - 2]!)) return undefined;
  return path[path.length - 1];
}

/** A SQL type spelled as a string in Sequelize attributes: `'TEXT'`, `'VARCHAR(255)'` (upper case, a known name). */
function isSqlTypeSpelling(text: string): boolean {
  const match = /^([A-Z][A-Z0-9_]*)(?:\s*\([^)]*\))?$/.exec(text);
  return match !== null && SQL_TYPE_NAMES.has(match[1]!);
}

/** True for Sequelize types that are not stored (`DataTypes.VIRTUAL`). */
function isUnstored(type: string): boolean {
  return SEQUELIZE_UNSTORED.has(type.toUpperCase());
}

/**
 * One Sequelize attribute: `password: DataTypes.STRING` or `password: { type: DataTypes.STRING, field }`.
 * An attribute with a setter that hashes or encrypts (`set(v) { this.setDataValue('password', hash(v)) }`) is protected.
 */
function sequelizeAttribute(
  t: TypeScript,
  value: ts.Expression,
): { type: string; field: string | undefined; protectedBySetter: boolean } | undefined {
  const expr = skipOuterExpressions(t, value);
  // `DataTypes.TEXT`, or the type as a string: `password: 'TEXT'` (upper case, as Sequelize spells them).
  const spelled = knownString(t, expr);
  const direct = sequelizeType(t, expr) ?? (spelled !== undefined && isSqlTypeSpelling(spelled) ? spelled : undefined);
  if (direct) return { type: direct, field: undefined, protectedBySetter: false };
  if (!t.isObjectLiteralExpression(expr)) return undefined;
  let type: string | undefined;
  let field: string | undefined;
  let protectedBySetter = false;
  for (const p of expr.properties) {
    const key = propertyNameText(t, p.name);
    if (key === 'type' && t.isPropertyAssignment(p))
      type = sequelizeType(t, p.initializer) ?? knownString(t, p.initializer);
    else if (key === 'field' && t.isPropertyAssignment(p)) field = knownString(t, p.initializer);
    else if (key === 'set') protectedBySetter = mentionsProtection(t, p, true);
  }
  return type ? { type, field, protectedBySetter } : undefined;
}

/** Sequelize: `define('User', attrs)`, `User.init(attrs, opts)`, `queryInterface.createTable('users', attrs)`. */
function sequelizeAttributes(
  t: TypeScript,
  call: ts.CallExpression,
  name: string,
  checker: ts.TypeChecker | undefined,
  report: Report,
): void {
  const positions = SEQUELIZE_ATTRIBUTE_CALLS[name]!;
  const attributes = call.arguments[positions.attributes];
  const object = attributes && skipOuterExpressions(t, attributes);
  if (!object || !t.isObjectLiteralExpression(object)) return;
  const tableArg = positions.table === undefined ? undefined : call.arguments[positions.table];
  let table = tableArg && knownString(t, tableArg);
  if (positions.table === undefined) table = initTableName(t, call);
  // `const User = sequelize.define(…)`, `class User extends Model {}; User.init(…)`.
  const callee = skipOuterExpressions(t, call.expression);
  const initModel =
    t.isPropertyAccessExpression(callee) && t.isIdentifier(callee.expression)
      ? resolveIdentifier(t, callee.expression, checker)
      : undefined;
  const owners: ts.Node[] = [call];
  const holder = bindingHolding(t, call);
  if (holder) owners.push(holder);
  if (name === 'init' && initModel) owners.push(initModel);
  for (const property of object.properties) {
    if (!t.isPropertyAssignment(property)) continue;
    const attribute = sequelizeAttribute(t, property.initializer);
    if (!attribute || attribute.protectedBySetter || isUnstored(attribute.type)) continue;
    const key = propertyNameText(t, property.name);
    report({
      node: property.name,
      names: [key, attribute.field],
      type: attribute.type,
      table,
      orm: 'Sequelize',
      property: key,
      owners,
      siblings: propertyNames(t, object),
    });
  }
}

/** The table of `User.init(attrs, { tableName: 'users' })`: `tableName`, `modelName`, or the class. */
function initTableName(t: TypeScript, call: ts.CallExpression): string | undefined {
  const options = call.arguments[1] && skipOuterExpressions(t, call.arguments[1]);
  if (options && t.isObjectLiteralExpression(options)) {
    for (const key of ['tableName', 'modelName']) {
      const p = options.properties.find((x) => propertyNameText(t, x.name) === key);
      const value = p && t.isPropertyAssignment(p) ? knownString(t, p.initializer) : undefined;
      if (value) return value;
    }
  }
  const callee = skipOuterExpressions(t, call.expression);
  return t.isPropertyAccessExpression(callee) && t.isIdentifier(callee.expression) ? callee.expression.text : undefined;
}

/** Knex: `t.string('password')` where `t` is the callback parameter of `schema.createTable('users', (t) => ...)`. */
function knexColumn(
  t: TypeScript,
  call: ts.CallExpression,
  method: string,
  checker: ts.TypeChecker | undefined,
  report: Report,
): void {
  const callee = skipOuterExpressions(t, call.expression);
  if (!t.isPropertyAccessExpression(callee) || !t.isIdentifier(callee.expression)) return;
  const param = resolveIdentifier(t, callee.expression, checker);
  if (!param || !t.isParameter(param) || param.parent.parameters[0] !== param) return;
  const fn = param.parent;
  // `(t) => ({ password: t.text() })` is Drizzle's callback form, not a Knex table builder.
  if (!t.isArrowFunction(fn) && !t.isFunctionExpression(fn)) return;
  if (returnedObject(t, fn)) return;
  const tableCall = fn.parent;
  if (!t.isCallExpression(tableCall) || !tableCall.arguments.includes(fn as ts.Expression)) return;
  const tableMethod = calleeName(t, tableCall.expression);
  const table = tableMethod && KNEX_TABLES.has(tableMethod) ? firstStringArgument(t, tableCall) : undefined;
  const column = firstStringArgument(t, call);
  if (table === undefined || column === undefined) return;
  const type =
    method === 'specificType' ? call.arguments[1] && knownString(t, call.arguments[1]) : KNEX_COLUMN_METHODS[method];
  report({ node: call.arguments[0]!, names: [column], type, table, orm: 'Knex' });
}

/**
 * `addColumn`: Kysely's `schema.createTable('users').addColumn('password', 'text')`, or Sequelize's
 * `queryInterface.addColumn('users', 'password', DataTypes.STRING)`.
 */
function addColumn(t: TypeScript, call: ts.CallExpression, report: Report): void {
  const [a, b, c] = call.arguments;
  const first = a && knownString(t, a);
  const second = b && (knownString(t, b) ?? taggedTemplateText(t, b));
  if (first === undefined || second === undefined) return;
  const attribute = c && sequelizeAttribute(t, c);
  if (attribute) {
    if (!attribute.protectedBySetter)
      report({ node: b!, names: [second, attribute.field], type: attribute.type, table: first, orm: 'Sequelize' });
    return;
  }
  report({ node: a!, names: [first], type: second, table: kyselyTable(t, call), orm: 'Kysely' });
}

/** The text of a tagged template without substitutions: Kysely's sql`bytea`. */
function taggedTemplateText(t: TypeScript, node: ts.Expression): string | undefined {
  const expr = skipOuterExpressions(t, node);
  return t.isTaggedTemplateExpression(expr) && t.isNoSubstitutionTemplateLiteral(expr.template)
    ? expr.template.text
    : undefined;
}

/** The table a Kysely builder chain creates or alters: `createTable('users')` down the chain. */
function kyselyTable(t: TypeScript, call: ts.CallExpression): string | undefined {
  let expr: ts.Expression = skipOuterExpressions(t, call.expression);
  while (t.isPropertyAccessExpression(expr) || t.isCallExpression(expr)) {
    if (t.isCallExpression(expr)) {
      const name = calleeName(t, expr.expression);
      if (name && KYSELY_TABLES.has(name)) return firstStringArgument(t, expr);
    }
    expr = skipOuterExpressions(t, expr.expression);
  }
  return undefined;
}

/** The `name` and `type` of a TypeORM column options object: `{ name: 'password', type: 'varchar' }`. */
function columnOptions(
  t: TypeScript,
  node: ts.Expression,
): { name: ts.Expression; column: string; type: string | undefined } | undefined {
  const object = skipOuterExpressions(t, node);
  if (!t.isObjectLiteralExpression(object)) return undefined;
  let name: ts.Expression | undefined;
  let type: string | undefined;
  for (const p of object.properties) {
    if (!t.isPropertyAssignment(p)) continue;
    const key = propertyNameText(t, p.name);
    if (key === 'name') name = p.initializer;
    else if (key === 'type') type = typeText(t, p.initializer);
  }
  const column = name && knownString(t, name);
  return name && column !== undefined ? { name, column, type } : undefined;
}

/**
 * TypeORM migrations: `new Table({ name: 'users', columns: [{ name: 'password', type: 'varchar' }] })`
 * and `queryRunner.addColumn('users', new TableColumn({ name: 'api_key', type: 'text' }))`.
 */
function typeormMigration(t: TypeScript, node: ts.NewExpression, report: Report): void {
  const className = calleeName(t, node.expression);
  const options = node.arguments?.[0];
  if (!options) return;
  if (className === TYPEORM_MIGRATION_CLASSES.table) {
    const object = skipOuterExpressions(t, options);
    if (!t.isObjectLiteralExpression(object)) return;
    const property = (key: string) => {
      const p = object.properties.find((x) => propertyNameText(t, x.name) === key);
      return p && t.isPropertyAssignment(p) ? skipOuterExpressions(t, p.initializer) : undefined;
    };
    const tableName = property('name');
    const table = tableName && knownString(t, tableName);
    const columns = property('columns');
    if (!columns || !t.isArrayLiteralExpression(columns)) return;
    const siblings = columns.elements
      .map((e) => columnOptions(t, e)?.column)
      .filter((n): n is string => n !== undefined);
    for (const element of columns.elements) {
      const column = columnOptions(t, element);
      if (column)
        report({ node: column.name, names: [column.column], type: column.type, table, orm: 'TypeORM', siblings });
    }
  } else if (className === TYPEORM_MIGRATION_CLASSES.column) {
    const column = columnOptions(t, options);
    if (!column) return;
    // The table is the first argument of the `addColumn(s)` call the column is given to.
    let holder: ts.Node = node.parent;
    if (t.isArrayLiteralExpression(holder)) holder = holder.parent;
    const table = t.isCallExpression(holder) ? firstStringArgument(t, holder) : undefined;
    report({ node: column.name, names: [column.column], type: column.type, table, orm: 'TypeORM' });
  }
}

function decoratorsOf(t: TypeScript, node: ts.Node): readonly ts.Decorator[] {
  return (t.canHaveDecorators(node) ? t.getDecorators(node) : undefined) ?? [];
}

function decoratorName(t: TypeScript, decorator: ts.Decorator): string | undefined {
  const expr = skipOuterExpressions(t, decorator.expression);
  return calleeName(t, t.isCallExpression(expr) ? expr.expression : expr);
}

/** TypeORM `@Column() password: string`, MikroORM `@Property() password`, sequelize-typescript `@Column(DataType.STRING)`. */
function decoratedColumn(t: TypeScript, property: ts.PropertyDeclaration, report: Report): void {
  for (const decorator of decoratorsOf(t, property)) {
    const name = decoratorName(t, decorator);
    const known =
      name !== undefined && Object.prototype.hasOwnProperty.call(COLUMN_DECORATORS, name)
        ? COLUMN_DECORATORS[name]!
        : undefined;
    if (!known) continue;
    const owner = property.parent;
    if (known.needsEntity && !decoratorsOf(t, owner).some((d) => ENTITIES.has(decoratorName(t, d) ?? ''))) continue;
    const call = skipOuterExpressions(t, decorator.expression);
    const args = t.isCallExpression(call) ? call.arguments : [];
    let type: string | undefined;
    let dbName: string | undefined;
    let protectedBy = false;
    for (const arg of args) {
      const spec = columnSpec(t, arg);
      type = spec.type ?? type;
      dbName = spec.dbName ?? dbName;
      protectedBy ||= spec.protectedBy;
    }
    if (protectedBy) return;
    type ??= property.type ? annotationType(t, property.type) : undefined;
    const table = t.isClassDeclaration(owner) || t.isClassExpression(owner) ? owner.name?.text : undefined;
    const key = propertyNameText(t, property.name);
    const siblings = owner.members
      .map((m) => (m.name ? propertyNameText(t, m.name) : undefined))
      .filter((n): n is string => n !== undefined);
    report({
      node: property.name,
      names: [key, dbName],
      type,
      table,
      orm: known.orm,
      property: key,
      owners: [owner],
      siblings,
    });
    return;
  }
}

/** What a column's options say: `{ type, name | fieldName | field, transformer, set }`, or a bare type (`DataType.STRING`, `String`). */
interface ColumnSpec {
  readonly type: string | undefined;
  readonly dbName: string | undefined;
  /** A transformer, custom type or setter whose name says it encrypts (or, for setters, hashes); or MikroORM `persist: false`, never stored. */
  readonly protectedBy: boolean;
}

function columnSpec(t: TypeScript, node: ts.Expression): ColumnSpec {
  const expr = skipOuterExpressions(t, node);
  if (!t.isObjectLiteralExpression(expr))
    return { type: typeText(t, expr), dbName: undefined, protectedBy: mentionsProtection(t, expr, false) };
  let type: string | undefined;
  let dbName: string | undefined;
  let protectedBy = false;
  for (const p of expr.properties) {
    const key = propertyNameText(t, p.name);
    if (key === 'set') protectedBy ||= mentionsProtection(t, p, true);
    if (!t.isPropertyAssignment(p) || key === undefined) continue;
    if (key === 'persist' && p.initializer.kind === t.SyntaxKind.FalseKeyword) protectedBy = true;
    if (key === 'name' || key === 'fieldName' || key === 'field') dbName = knownString(t, p.initializer) ?? dbName;
    else if (key === 'type' || key === 'columnType' || key === 'customType') {
      type = typeText(t, p.initializer) ?? type;
      protectedBy ||= mentionsProtection(t, p.initializer, false);
    } else if (key === 'transformer') protectedBy ||= mentionsProtection(t, p.initializer, false);
  }
  return { type, dbName, protectedBy };
}

/**
 * Schema objects: TypeORM `new EntitySchema({ name, columns: { password: { type: String } } })`,
 * MikroORM `new EntitySchema({ name, properties: { ... } })`, Mongoose `new Schema({ password: String })`.
 */
function schemaObject(t: TypeScript, node: ts.NewExpression, report: Report): void {
  const className = calleeName(t, node.expression);
  const first = node.arguments?.[0] && skipOuterExpressions(t, node.arguments[0]);
  if (!className || !first || !t.isObjectLiteralExpression(first)) return;
  const property = (key: string) => {
    const p = first.properties.find((x) => propertyNameText(t, x.name) === key);
    const value = p && t.isPropertyAssignment(p) ? skipOuterExpressions(t, p.initializer) : undefined;
    return value;
  };
  let fields: ts.ObjectLiteralExpression | undefined;
  let orm: string;
  let table: string | undefined;
  if (className === SCHEMA_CLASSES.entitySchema) {
    const columns = property('columns');
    const properties = property('properties');
    fields =
      columns && t.isObjectLiteralExpression(columns)
        ? columns
        : properties && t.isObjectLiteralExpression(properties)
          ? properties
          : undefined;
    orm = fields === columns ? 'TypeORM' : 'MikroORM';
    const tableName = property('tableName') ?? property('name');
    table = tableName && knownString(t, tableName);
  } else if (className === SCHEMA_CLASSES.mongoose) {
    fields = first;
    orm = 'Mongoose';
  } else {
    return;
  }
  const schemaBinding = bindingHolding(t, node);
  const owners = schemaBinding ? [schemaBinding] : [];
  for (const field of fields?.properties ?? []) {
    if (!t.isPropertyAssignment(field)) continue;
    const value = skipOuterExpressions(t, field.initializer);
    const spec = columnSpec(t, value);
    // A nested object without `type` is a Mongoose subdocument, not a field.
    if (spec.protectedBy || spec.type === undefined) continue;
    const key = propertyNameText(t, field.name);
    report({
      node: field.name,
      names: [key, spec.dbName],
      type: spec.type,
      table,
      orm,
      property: key,
      owners,
      siblings: propertyNames(t, fields!),
    });
  }
}

/** A column type written as a string, a member path (`DataType.STRING`) or a constructor (`String`, `Date`). */
function typeText(t: TypeScript, node: ts.Expression): string | undefined {
  const expr = skipOuterExpressions(t, node);
  const text = knownString(t, expr);
  if (text !== undefined) return text;
  if (t.isArrowFunction(expr) && !t.isBlock(expr.body)) return typeText(t, expr.body);
  const path = accessPath(t, t.isCallExpression(expr) ? expr.expression : expr);
  return path?.[path.length - 1];
}

/** The column type a property's annotation implies: `Date` -> date, `boolean` -> boolean, `string` -> string. */
function annotationType(t: TypeScript, type: ts.TypeNode): string | undefined {
  if (type.kind === t.SyntaxKind.BooleanKeyword) return 'boolean';
  if (type.kind === t.SyntaxKind.NumberKeyword) return 'number';
  if (type.kind === t.SyntaxKind.StringKeyword) return 'string';
  if (t.isTypeReferenceNode(type) && t.isIdentifier(type.typeName)) return type.typeName.text;
  return undefined;
}

/**
 * The literal's text as the DDL reader should see it, with the same offsets as the source: escape
 * sequences become spaces and each `${...}` a quoted identifier of filler characters.
 */
function ddlText(t: TypeScript, literal: ts.Node, raw: string, rawStart: number): string {
  let text = raw.replace(/\\[\s\S]/g, '  ');
  if (t.isTemplateExpression(literal)) {
    let previous: ts.Node = literal.head;
    for (const span of literal.templateSpans) {
      const from = previous.getEnd() - 2 - rawStart;
      const to = span.literal.getStart() + 1 - rawStart;
      text = text.slice(0, from) + '"' + FILLER.repeat(Math.max(0, to - from - 2)) + '"' + text.slice(to);
      previous = span.literal;
    }
  }
  return text;
}

/** Payload: a collection or global config, `{ slug: 'users', fields: [...] }`: its fields, nested ones included. */
function payloadCollection(t: TypeScript, config: ts.ObjectLiteralExpression, report: Report): void {
  const slug = objectPropertyValue(t, config, 'slug');
  const fields = objectPropertyValue(t, config, 'fields');
  const table = slug && knownString(t, slug);
  if (table === undefined || !fields) return;
  payloadFields(t, fields, table, report, 0);
}

/** Payload fields outside a collection: `const fields: Field[] = [...]`, `const apiKey: Field = {...}`, and `fields.push(...)` onto such a list. */
function payloadFieldList(t: TypeScript, decl: ts.VariableDeclaration, report: Report): void {
  const type = decl.type;
  const element = type && t.isArrayTypeNode(type) ? type.elementType : type;
  if (
    !element ||
    !t.isTypeReferenceNode(element) ||
    !t.isIdentifier(element.typeName) ||
    !PAYLOAD_FIELD_TYPE_NAMES.includes(element.typeName.text)
  )
    return;
  if (decl.initializer) payloadFields(t, decl.initializer, undefined, report, 0);
  // `fields.push({ ... })` in the same scope.
  if (!t.isIdentifier(decl.name)) return;
  const name = decl.name.text;
  const scope = decl.parent.parent.parent;
  if (!scope) return;
  forEachDescendant(t, scope, (node) => {
    if (!t.isCallExpression(node)) return undefined;
    const callee = skipOuterExpressions(t, node.expression);
    if (
      t.isPropertyAccessExpression(callee) &&
      callee.name.text === 'push' &&
      t.isIdentifier(callee.expression) &&
      callee.expression.text === name
    ) {
      for (const argument of node.arguments) payloadFields(t, argument, undefined, report, 0);
    }
    return undefined;
  });
}

/**
 * Payload field configs in an array or one config: `{ name: 'apiKey', type: 'text' }` is a column
 * of the collection; `group`, `array`, `row`, `collapsible`, `blocks` and `tabs` nest more. A
 * field whose hooks encrypt or hash (`hooks: { beforeChange: [encryptKey] }`) or that is `virtual`
 * is not stored as given.
 */
function payloadFields(
  t: TypeScript,
  node: ts.Expression,
  table: string | undefined,
  report: Report,
  depth: number,
): void {
  const expr = skipOuterExpressions(t, node);
  if (depth > 8) return;
  if (t.isArrayLiteralExpression(expr)) {
    for (const element of expr.elements) payloadFields(t, element, table, report, depth + 1);
    return;
  }
  if (!t.isObjectLiteralExpression(expr)) return;
  const typeValue = objectPropertyValue(t, expr, 'type');
  const type = typeValue && knownString(t, typeValue);
  if (type === undefined) return;
  if (PAYLOAD_NESTING_FIELD_TYPES.includes(type)) {
    const nested = objectPropertyValue(t, expr, 'fields');
    if (nested) payloadFields(t, nested, table, report, depth + 1);
    const tabs = objectPropertyValue(t, expr, 'tabs');
    const tabList = tabs && skipOuterExpressions(t, tabs);
    if (tabList && t.isArrayLiteralExpression(tabList)) {
      for (const tab of tabList.elements) {
        const tabFields = objectPropertyValue(t, tab, 'fields');
        if (tabFields) payloadFields(t, tabFields, table, report, depth + 1);
      }
    }
    return;
  }
  if (!PAYLOAD_STORED_FIELD_TYPES.includes(type)) return;
  const nameValue = objectPropertyValue(t, expr, 'name');
  const name = nameValue && knownString(t, nameValue);
  if (!nameValue || name === undefined) return;
  const hooks = objectPropertyValue(t, expr, 'hooks');
  const virtual = objectPropertyValue(t, expr, 'virtual');
  if ((hooks && mentionsProtection(t, hooks, true)) || (virtual && virtual.kind === t.SyntaxKind.TrueKeyword)) return;
  report({ node: nameValue, names: [name], type, table, orm: 'Payload' });
}
