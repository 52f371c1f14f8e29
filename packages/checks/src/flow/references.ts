import type * as ts from 'typescript';
import { propertyNameText, skipOuterExpressions } from '../ast/index.js';
import { classifyName } from '../names/index.js';
import type { FlowContext } from './context.js';
import { programOf } from './project-functions.js';

// A field named with a generic credential noun (`credential`) often holds the id of a row in a
// credentials table, not the credential: Flowise's `Assistant.credential` is a `uuid` column, a
// document loader's `credential?: string` names a `Credential` entity the program declares. The
// declaration says so: a column typed `uuid`, or a program record named like the field.

/** Record types (classes, interfaces) of a program that have an `id` member: what a string field may refer to. */
const recordNamesOfProgram = new WeakMap<ts.Program, ReadonlySet<string>>();

/**
 * The declared field holds a reference to another record, not a secret: its name is a generic
 * credential noun (`credential`), its type is text, and either its column is typed `uuid` (TypeORM
 * `@Column({ type: 'uuid' })`, `@Column('uuid')`) or the program declares a record with an `id`
 * named like the field (`Credential`). A specific name (`apiKey`, `password`, `token`) is never
 * taken for a reference: a random UUID is a fine API key.
 */
export function isRecordReference(ctx: FlowContext, declaration: ts.Node | undefined): boolean {
  const t = ctx.ts;
  if (!declaration || !(t.isPropertyDeclaration(declaration) || t.isPropertySignature(declaration))) return false;
  const name = propertyNameText(t, declaration.name);
  if (name === undefined || classifyName(name, ctx.classifier).kind !== 'credential' || name.endsWith('s'))
    return false;
  if (!isTextField(ctx, declaration)) return false;
  if (hasUuidColumn(t, declaration)) return true;
  const program = ctx.checker ? programOf(ctx.checker) : undefined;
  return program !== undefined && recordNames(t, program).has(name.charAt(0).toUpperCase() + name.slice(1));
}

/** The field's declared type is text: `string`, maybe optional or nullable (never `any`, an object or a union with one). */
function isTextField(ctx: FlowContext, declaration: ts.PropertyDeclaration | ts.PropertySignature): boolean {
  const t = ctx.ts;
  const F = t.TypeFlags;
  if (ctx.checker) {
    const type = ctx.checker.getTypeAtLocation(declaration);
    const members = (type.isUnion() ? type.types : [type]).filter((m) => !(m.flags & (F.Undefined | F.Null)));
    return members.length > 0 && members.every((m) => m.flags & F.String);
  }
  const declared = declaration.type;
  if (!declared) return false;
  const members = t.isUnionTypeNode(declared) ? declared.types : [declared];
  return members.every(
    (m) =>
      m.kind === t.SyntaxKind.StringKeyword ||
      m.kind === t.SyntaxKind.UndefinedKeyword ||
      (t.isLiteralTypeNode(m) && m.literal.kind === t.SyntaxKind.NullKeyword),
  );
}

/** A decorator that declares a `uuid` column: `@Column('uuid')`, `@Column({ type: 'uuid' })`. */
function hasUuidColumn(t: FlowContext['ts'], declaration: ts.PropertyDeclaration | ts.PropertySignature): boolean {
  const decorators = t.canHaveDecorators(declaration) ? (t.getDecorators(declaration) ?? []) : [];
  return decorators.some((decorator) => {
    const call = decorator.expression;
    if (!t.isCallExpression(call)) return false;
    return call.arguments.some((argument) => {
      const arg = skipOuterExpressions(t, argument);
      if (t.isStringLiteral(arg)) return arg.text === 'uuid';
      if (!t.isObjectLiteralExpression(arg)) return false;
      return arg.properties.some(
        (p) =>
          t.isPropertyAssignment(p) &&
          propertyNameText(t, p.name) === 'type' &&
          t.isStringLiteral(p.initializer) &&
          p.initializer.text === 'uuid',
      );
    });
  });
}

function recordNames(t: FlowContext['ts'], program: ts.Program): ReadonlySet<string> {
  const cached = recordNamesOfProgram.get(program);
  if (cached) return cached;
  const names = new Set<string>();
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile) continue;
    for (const statement of file.statements) {
      if (!(t.isClassDeclaration(statement) || t.isInterfaceDeclaration(statement)) || !statement.name) continue;
      const members: readonly (ts.ClassElement | ts.TypeElement)[] = statement.members;
      if (members.some((m) => m.name !== undefined && propertyNameText(t, m.name) === 'id'))
        names.add(statement.name.text);
    }
  }
  recordNamesOfProgram.set(program, names);
  return names;
}
