import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TypeScript } from '../src/check.js';
import { createFlowContext, valueSources } from '../src/flow/index.js';
import { containsSecretWrapperType, isSecretWrapperType } from '../src/flow/sources.js';

const t = ts as unknown as TypeScript;

const FILES: Record<string, string> = {
  'secret.ts': `
export class Secret<T> {
  readonly #value: T;
  constructor(value: T) { this.#value = value; }
  reveal(): T { return this.#value; }
  use<R>(fn: (value: T) => R): R { return fn(this.#value); }
}
export class NotSecret { value = ''; reveal(): string { return this.value; } }
`,
  'config.ts': `
import { Secret } from './secret.js';
declare const env: Record<string, string | undefined>;
export function paymentsSetting(): string { return env.STRIPE_SECRET_KEY ?? ''; }
export function region(): string { return env.AWS_REGION ?? ''; }
export function webhookSecret(): string { return lookup('payments'); }
export function passwordMatches(candidate: string): boolean { return candidate.length > 0; }
declare function lookup(name: string): string;
export function wrapped(): Secret<string> { return new Secret(env.STRIPE_SECRET_KEY ?? ''); }
export class Vault { open(blob: string): string { return decrypt(blob); } }
declare function decrypt(blob: string): string;
`,
  // Each case is `probe('<label>', <expression>)`.
  'main.ts': `
import { Secret, NotSecret } from './secret.js';
import { paymentsSetting, region, wrapped, Vault, webhookSecret, passwordMatches } from './config.js';
declare function probe(label: string, x: unknown): void;
declare const secret: Secret<string>;
declare const maybeSecret: Secret<string> | undefined;
declare const apiSecret: NotSecret;
declare const vault: Vault;
declare const tokenValid: boolean;
declare const authToken: string;
declare const token: { kind: number; pos: number };
declare const session: { id: string; expiresAt: Date };
declare const credentials: { user: string; password: string };
declare const accessToken: { value: string; expiresAt: Date };
declare const apiKeys: string[];
declare const secretBytes: Uint8Array;
declare const tokenSource: () => string;
declare const refreshToken: string | undefined;
declare const pendingValue: Promise<Secret<string>>;
declare const pendingText: Promise<string>;
probe('secret', secret);
probe('maybe-secret-in-object', { maybeSecret });
probe('reveal', secret.reveal());
secret.use((v) => probe('use', v));
probe('look-alike', apiSecret);
probe('declared-elsewhere', paymentsSetting());
probe('harmless-elsewhere', region());
probe('named-elsewhere', webhookSecret());
probe('boolean-elsewhere', passwordMatches('x'));
probe('wrapped-elsewhere', wrapped());
probe('method-elsewhere', vault.open('x'));
probe('boolean', tokenValid);
probe('string', authToken);
probe('lexer-token', token);
probe('session-record', session);
probe('credentials-object', credentials);
probe('token-with-value', accessToken);
probe('string-array', apiKeys);
probe('bytes', secretBytes);
probe('function', tokenSource);
probe('optional-string', refreshToken);
probe('promised-secret', { apiKey: pendingValue });
probe('promised-string', { apiKey: pendingText });
export declare const a: Secret<string>;
export declare const b: Secret<string> | undefined;
export declare const c: Secret<string> | string;
export declare const d: { key: Secret<string> };
export declare const e: NotSecret;
`,
};

// Type-checking against the default library is slow on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let dir: string;
let program: ts.Program;
let main: ts.SourceFile;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flow-typed-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
  program = ts.createProgram([join(dir, 'main.ts')], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
    noEmit: true,
  });
  main = program.getSourceFile(join(dir, 'main.ts'))!;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `reason:name@at` for each flow into the `probe('<label>', x)` call. */
function typedFlows(label: string): string[] {
  let arg: ts.Expression | undefined;
  const visit = (n: ts.Node): void => {
    const [first, second] = ts.isCallExpression(n) ? n.arguments : [];
    if (first && ts.isStringLiteral(first) && first.text === label) arg = second;
    ts.forEachChild(n, visit);
  };
  visit(main);
  if (!arg) throw new Error(`no probe '${label}'`);
  const ctx = createFlowContext(t, { checker: program.getTypeChecker() });
  return valueSources(ctx, arg).map((f) => `${f.source.reason}:${f.source.name}@${f.at.getText()}`);
}

describe('valueSources with a type checker', () => {
  it('compiles the fixture without errors', () => {
    const ours = program.getSourceFiles().filter((f) => f.fileName.startsWith(dir.split('\\').join('/')));
    expect(ours).toHaveLength(3);
    const diagnostics = ours.flatMap((f) => [
      ...program.getSyntacticDiagnostics(f),
      ...program.getSemanticDiagnostics(f),
    ]);
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });

  it('a Secret prints redacted; its revealed value does not', () => {
    expect(typedFlows('secret')).toEqual([]);
    expect(typedFlows('maybe-secret-in-object')).toEqual([]);
    expect(typedFlows('reveal')).toEqual(['reveal:secret.reveal()@secret.reveal()']);
    expect(typedFlows('use')).toEqual(['reveal:secret.use(…)@v']);
  });

  it('a secret-named key over a promise of a Secret carries nothing; over a promise of a string it does', () => {
    expect(typedFlows('promised-secret')).toEqual([]);
    expect(typedFlows('promised-string')).toEqual(['name:apiKey@pendingText']);
  });

  it('only the real Secret is trusted: a class without the Secret name is not', () => {
    expect(typedFlows('look-alike')).toEqual(['name:apiSecret@apiSecret']);
  });

  it('follows calls into functions and methods declared in other modules', () => {
    // `env.STRIPE_SECRET_KEY` of a plain record is known by its name only, and so is what returns it.
    expect(typedFlows('declared-elsewhere')).toEqual(['name:paymentsSetting()@paymentsSetting()']);
    expect(typedFlows('harmless-elsewhere')).toEqual([]);
    // Only the function's name says secret: a name is evidence of a name (`password(value)` may be a validator).
    expect(typedFlows('named-elsewhere')).toEqual(['name:webhookSecret()@webhookSecret()']);
    expect(typedFlows('boolean-elsewhere')).toEqual([]);
    expect(typedFlows('wrapped-elsewhere')).toEqual([]);
    expect(typedFlows('method-elsewhere')).toEqual(["returns-secret:vault.open()@vault.open('x')"]);
  });

  it('booleans carry nothing whatever their names say; strings do', () => {
    expect(typedFlows('boolean')).toEqual([]);
    expect(typedFlows('string')).toEqual(['name:authToken@authToken']);
  });
});

describe('types refine secret names', () => {
  it('records without secret or content fields, and functions, hold no secret', () => {
    expect(typedFlows('lexer-token')).toEqual([]);
    expect(typedFlows('session-record')).toEqual([]);
    expect(typedFlows('function')).toEqual([]);
  });

  it('strings, bytes, arrays of strings and objects with secret or content fields do', () => {
    expect(typedFlows('credentials-object')).toEqual(['name:credentials@credentials']);
    expect(typedFlows('token-with-value')).toEqual(['name:accessToken@accessToken']);
    expect(typedFlows('string-array')).toEqual(['name:apiKeys@apiKeys']);
    expect(typedFlows('bytes')).toEqual(['name:secretBytes@secretBytes']);
    expect(typedFlows('optional-string')).toEqual(['name:refreshToken@refreshToken']);
  });
});

describe('Secret type helpers', () => {
  it('recognize Secret, unions with undefined, and objects holding one', () => {
    const checker = program.getTypeChecker();
    const typeOf = (name: string) => {
      const decl = main.statements
        .filter(ts.isVariableStatement)
        .flatMap((s) => s.declarationList.declarations)
        .find((x) => x.name.getText() === name)!;
      return { type: checker.getTypeAtLocation(decl.name), node: decl.name };
    };
    expect(['a', 'b', 'c', 'd', 'e'].map((n) => isSecretWrapperType(t, typeOf(n).type))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(['a', 'd', 'e'].map((n) => containsSecretWrapperType(t, checker, typeOf(n).type, typeOf(n).node))).toEqual([
      true,
      true,
      false,
    ]);
  });
});
