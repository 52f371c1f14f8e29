import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { TypeScript } from '@secret-hygiene/checks';
import { isFreshKeyPerCall, nonceOrigin, type NonceOrigin } from '@secret-hygiene/checks/internal';

const t = ts as unknown as TypeScript;
const IMPORTS = "import { randomBytes, randomFillSync, createHash, hkdfSync } from 'node:crypto';\n";

/** The first argument of the first `use(...)` call in `code`. */
function useArgument(code: string): ts.Expression {
  return useCall(code).arguments[0]!;
}

/** The first `use(nonce, key?)` call in `code`. */
function useCall(code: string): ts.CallExpression {
  const file = ts.createSourceFile('x.ts', IMPORTS + code, ts.ScriptTarget.Latest, true);
  let call: ts.CallExpression | undefined;
  const walk = (node: ts.Node): void => {
    if (!call && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'use')
      call = node;
    ts.forEachChild(node, walk);
  };
  walk(file);
  if (!call || !call.arguments[0]) throw new Error('no use() call');
  return call;
}

/** The origin of the first argument of the first `use(nonce, key?)` call in `code`. */
function originOf(code: string): NonceOrigin {
  const call = useCall(code);
  return nonceOrigin({ ts: t, checker: undefined }, call.arguments[0]!, { key: call.arguments[1] });
}

describe('nonceOrigin', () => {
  it.each([
    // fresh per call
    ['function f() { use(randomBytes(12)); }', 'random-per-call'],
    ['function f() { const iv = randomBytes(12); use(iv); }', 'random-per-call'],
    ['function f() { use(crypto.getRandomValues(new Uint8Array(12))); }', 'random-per-call'],
    ['function f() { use(globalThis.crypto.getRandomValues(new Uint8Array(12))); }', 'random-per-call'],
    ['function f() { const iv = Buffer.alloc(12); randomFillSync(iv); use(iv); }', 'random-per-call'],
    ['function f() { use(Buffer.from(randomBytes(12).toString("hex"), "hex")); }', 'random-per-call'],
    ["import { randomBytes as rb } from '@noble/ciphers/utils.js'; function f() { use(rb(24)); }", 'random-per-call'],
    ['const make = () => randomBytes(12); function f() { use(make()); }', 'random-per-call'],
    ['function f() { use(Buffer.concat([randomBytes(4), Buffer.alloc(8)])); }', 'random-per-call'],
    ['const IV = randomBytes(12); const c = use(IV);', 'random-per-call'],
    ['class C { private nextIv() { return randomBytes(12); } m() { use(this.nextIv()); } }', 'random-per-call'],
    ["import forge from 'node-forge'; function f() { use(forge.random.getBytesSync(12)); }", 'random-per-call'],
    [
      "function f() { use(Buffer.from(crypto.randomUUID().replace(/-/g, ''), 'hex').subarray(0, 12)); }",
      'random-per-call',
    ],
    ['class C { private fixedIv() { return Buffer.alloc(12); } m() { use(this.fixedIv()); } }', 'constant'],
    // constants
    ["function f() { use(Buffer.from('0123456789ab')); }", 'constant'],
    ['function f() { use(Buffer.alloc(12)); }', 'constant'],
    ['function f() { use(Buffer.alloc(12, 0)); }', 'constant'],
    ['function f() { use(new Uint8Array(12)); }', 'constant'],
    ['function f() { use(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])); }', 'constant'],
    ["function f() { use(Buffer.from('000102030405060708090a0b', 'hex')); }", 'constant'],
    ['const IV_LENGTH = 12; function f() { use(new Uint8Array(IV_LENGTH)); }', 'constant'],
    ['const IV = Buffer.alloc(12); function f() { use(IV); }', 'constant'],
    ['const CONFIG = { iv: Buffer.alloc(16) }; function f() { use(CONFIG.iv); }', 'constant'],
    ['const { iv } = { iv: Buffer.alloc(16) }; function f() { use(iv); }', 'constant'],
    ["function f() { use(Buffer.from(process.env.TOKEN_IV!, 'hex')); }", 'constant'],
    ['class Box { static IV = Buffer.alloc(12); m() { use(Box.IV); } }', 'constant'],
    ['function f() { use(new Uint8Array(12).fill(7)); }', 'constant'],
    // a script's entry point runs once
    ['const IV = randomBytes(12); async function main() { use(IV); } main();', 'random-per-call'],
    ['const IV = randomBytes(12); (async () => { use(IV); })();', 'random-per-call'],
    ['const IV = randomBytes(12); function main() { use(IV); } main(); main();', 'module-level'],
    ['const IV = randomBytes(12); export function main() { use(IV); } main();', 'module-level'],
    ['const IV = randomBytes(12); function main() { use(IV); } for (;;) main();', 'module-level'],
    [
      'const IV = randomBytes(12); function main(xs: string[]) { xs.forEach(() => use(IV)); } main([]);',
      'module-level',
    ],
    // once per process / instance / outer call
    ['const IV = randomBytes(12); function f() { use(IV); }', 'module-level'],
    ['const IV = randomBytes(12); const f = () => use(IV);', 'module-level'],
    ['const IV = loadIv(); function f() { use(IV); }', 'module-level'],
    ['class Box { static IV = randomBytes(12); m() { use(Box.IV); } }', 'module-level'],
    ['class C { private iv = randomBytes(12); m() { use(this.iv); } }', 'instance-field'],
    ['class C { iv: Buffer; constructor() { this.iv = randomBytes(12); } m() { use(this.iv); } }', 'instance-field'],
    ['function f(items: string[]) { const iv = randomBytes(12); for (const i of items) use(iv); }', 'outer-scope'],
    ['function f(items: string[]) { const iv = randomBytes(12); items.map((i) => use(iv)); }', 'outer-scope'],
    ['function make() { const iv = randomBytes(12); return (pt: string) => use(iv); }', 'outer-scope'],
    // derived from the key
    ['function f(key: Buffer) { use(key.subarray(0, 12), key); }', 'derived-from-key'],
    ["function f(k: Buffer) { use(createHash('sha256').update(k).digest().subarray(0, 12), k); }", 'derived-from-key'],
    [
      "function f(encryptionKey: Buffer) { use(createHash('sha256').update(encryptionKey).digest().subarray(0, 12)); }",
      'derived-from-key',
    ],
    ['function f(this: { key: Buffer }) { use(this.key.subarray(0, 12), this.key); }', 'derived-from-key'],
    ["function f(k: Buffer) { use(Buffer.from(hkdfSync('sha256', k, '', 'iv', 12)), k); }", 'derived-from-key'],
    [
      "function f(key: Buffer, token: string) { use(createHash('sha256').update(token).digest().subarray(0, 12), key); }",
      'from-message',
    ],
    [
      "function f(k: Buffer, cacheKey: string) { use(createHash('sha256').update(cacheKey).digest().subarray(0, 12), k); }",
      'from-message',
    ],
    ['function f(key: { key: Buffer; iv: Buffer }) { use(key.iv, key.key); }', 'unknown'],
    // computed only from a stable identifier: the same for every message about it
    [
      "function f(key: Buffer, userId: string) { use(Buffer.from(userId.padEnd(16, '0').slice(0, 16)), key); }",
      'deterministic',
    ],
    [
      "function f(key: Buffer, userId: string) { use(createHash('md5').update(userId).digest(), key); }",
      'deterministic',
    ],
    [
      "function f(key: Buffer, user: { email: string }) { use(createHash('sha256').update(user.email).digest().subarray(0, 12), key); }",
      'deterministic',
    ],
    ['function f(key: Buffer, tenant_name: string) { use(Buffer.from(`${tenant_name}:v1`), key); }', 'deterministic'],
    [
      "function f(key: Buffer, messageId: string) { use(createHash('sha256').update(messageId).digest().subarray(0, 12), key); }",
      'from-message',
    ],
    [
      "function f(key: Buffer, ivHex: string) { use(Buffer.from(ivHex.padStart(24, '0'), 'hex'), key); }",
      'from-message',
    ],
    [
      'function f(key: Buffer, userId: string) { use(Buffer.concat([randomBytes(8), Buffer.from(userId)]), key); }',
      'random-per-call',
    ],
    // clocks and counters
    ['function f() { use(Buffer.from(String(Date.now()))); }', 'time-or-counter'],
    ['function f() { use(Buffer.from(new Date().getTime().toString().padStart(12, "0"))); }', 'time-or-counter'],
    [
      'let n = 0; function f() { n++; const iv = Buffer.alloc(12); iv.writeUInt32BE(n, 8); use(iv); }',
      'time-or-counter',
    ],
    ['let n = 0; function f() { const iv = Buffer.alloc(12); iv.writeUInt32BE(n++, 8); use(iv); }', 'time-or-counter'],
    [
      'class C { private counter = 0; m() { this.counter += 1; use(Buffer.from([this.counter])); } }',
      'time-or-counter',
    ],
    // message data and parameters
    ['function f(iv: Buffer) { use(iv); }', 'parameter'],
    ['function f({ iv }: { iv: Buffer }) { use(iv); }', 'parameter'],
    ['function f(payload: Buffer) { use(payload.subarray(0, 12)); }', 'from-message'],
    ["function f(record: { iv: string }) { use(Buffer.from(record.iv, 'base64')); }", 'from-message'],
    ["function f(blob: string) { const [iv, body] = blob.split('.'); use(Buffer.from(iv!, 'hex')); }", 'from-message'],
    // unknown
    ["import { IV } from './iv.js'; function f() { use(IV); }", 'unknown'],
    ['function f() { use(nextNonce()); }', 'unknown'],
    [
      'function f() { let iv = Buffer.alloc(12); if (Math.random()) iv = randomBytes(12); use(iv); }',
      'random-per-call',
    ],
    ['class C { private iv = Buffer.alloc(12); m() { this.iv = randomBytes(12); use(this.iv); } }', 'unknown'],
  ])('%s -> %s', (code, kind) => {
    expect(originOf(code).kind).toBe(kind);
  });

  it.each([
    [
      'async function f() { const dk = await kms.send(new GenerateDataKeyCommand({ KeyId: id })); use(dk.Plaintext); }',
      true,
    ],
    [
      'async function f() { const { Plaintext } = await kms.generateDataKey({ KeyId: id }).promise(); use(Plaintext); }',
      true,
    ],
    ['async function f() { const dataKey = await generateDataKey(); use(dataKey.plaintext); }', true],
    ['function f() { const key = randomBytes(32); use(key); }', true],
    [
      'async function f() { const dk = await kms.send(new DecryptCommand({ CiphertextBlob: blob })); use(dk.Plaintext); }',
      false,
    ],
    ['function f(dataKey: Buffer) { use(dataKey); }', false],
    ['const KEY = randomBytes(32); function f() { use(KEY); }', false],
  ])('isFreshKeyPerCall: %s -> %s', (code, fresh) => {
    expect(isFreshKeyPerCall({ ts: t, checker: undefined }, useArgument(code))).toBe(fresh);
  });

  it('names the once-computed binding', () => {
    expect(originOf('const TOKEN_IV = randomBytes(12); function f() { use(TOKEN_IV); }')).toMatchObject({
      kind: 'module-level',
      binding: 'TOKEN_IV',
    });
  });

  it('tells clocks from counters', () => {
    expect(originOf('function f() { use(Buffer.from(String(Date.now()))); }').source).toBe('time');
    expect(originOf('let n = 0; function f() { use(Buffer.from([n++])); }').source).toBe('counter');
  });

  it('points at the node that decided', () => {
    const origin = originOf('function f() { const iv = randomBytes(12); use(iv); }');
    expect(origin.node.getText()).toBe('randomBytes(12)');
  });

  it('redacts long string contents in its detail', () => {
    const origin = originOf("function f() { use(Buffer.from('correct-horse-battery-staple')); }");
    expect(origin.kind).toBe('constant');
    expect(origin.detail).not.toContain('correct-horse-battery-staple');
  });
});

describe('nonceOrigin with a type checker', () => {
  /** A program over in-memory files under /virtual; returns the origin of the first `use(nonce)` in main.ts. */
  function typedOriginOf(files: Record<string, string>): NonceOrigin {
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      noEmit: true,
      types: [],
    };
    const virtual = new Map(Object.entries(files).map(([name, text]) => [`/virtual/${name}`, text]));
    const host = ts.createCompilerHost(options);
    const { getSourceFile, fileExists, readFile } = host;
    host.getSourceFile = (name, language) => {
      const text = virtual.get(name);
      return text === undefined
        ? getSourceFile.call(host, name, language)
        : ts.createSourceFile(name, text, language, true);
    };
    host.fileExists = (name) => virtual.has(name) || fileExists.call(host, name);
    host.readFile = (name) => virtual.get(name) ?? readFile.call(host, name);
    host.directoryExists = (name) => name === '/virtual' || ts.sys.directoryExists(name);
    const program = ts.createProgram([...virtual.keys()], options, host);
    const main = program.getSourceFile('/virtual/main.ts')!;
    let call: ts.CallExpression | undefined;
    const walk = (node: ts.Node): void => {
      if (!call && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'use')
        call = node;
      ts.forEachChild(node, walk);
    };
    walk(main);
    return nonceOrigin({ ts: t, checker: program.getTypeChecker() }, call!.arguments[0]!);
  }

  it.each([
    ['export const IV = Buffer.alloc(12);', "import { IV } from './iv.js';\nfunction f() { use(IV); }", 'constant'],
    [
      "import { randomBytes } from 'node:crypto';\nexport const IV = randomBytes(12);",
      "import { IV } from './iv.js';\nfunction f() { use(IV); }",
      'module-level',
    ],
    [
      "import { randomBytes } from 'node:crypto';\nexport const IV = randomBytes(12);",
      "import { IV } from './iv.js';\nuse(IV);",
      'random-per-call',
    ],
    [
      "import { randomBytes } from 'node:crypto';\nexport const IV = randomBytes(12);",
      "import * as ivs from './iv.js';\nfunction f() { use(ivs.IV); }",
      'module-level',
    ],
    [
      "import { randomBytes } from 'node:crypto';\nexport function freshIv() { return randomBytes(12); }",
      "import { freshIv } from './iv.js';\nfunction f() { use(freshIv()); }",
      'random-per-call',
    ],
    [
      'export class Settings { static iv = new Uint8Array(12); }',
      "import { Settings } from './iv.js';\nfunction f() { use(Settings.iv); }",
      'constant',
    ],
  ])('%s | %s -> %s', (iv, main, kind) => {
    expect(typedOriginOf({ 'iv.ts': iv, 'main.ts': main }).kind).toBe(kind);
  });
});
