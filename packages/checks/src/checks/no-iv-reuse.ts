import type * as ts from 'typescript';
import { defineCheck, type CheckSuggestion, type TypeScript } from '../check.js';
import {
  constInitializer,
  enclosingFunctionOrFile,
  forEachDescendant,
  isFunctionLike,
  propertyNameText,
  resolveIdentifier,
  skipOuterExpressions,
} from '../ast/index.js';
import { type CipherFamily } from '../catalogs/crypto-apis.js';
import { cipherCallOf, type CipherCall } from '../nonce/cipher-call.js';
import {
  isFreshKeyPerCall,
  isRepeatingScope,
  nonceOrigin,
  type NonceOrigin,
  type NonceOriginContext,
} from '../nonce/origin.js';
import { findRandomSource, nonceLengthOf, nonceReuseImpact, normalizeModuleId } from '../nonce/crypto-lookup.js';
import { createFlowContext } from '../flow/context.js';
import { argumentFor, calleeSinks, crossingText, type SinkRecognizer } from '../flow/summaries/index.js';

export interface NoIvReuseOptions {
  /** Also check AES-CBC (a repeated or predictable IV leaks equal prefixes; not keystream reuse). */
  readonly checkCbc: boolean;
  /** Accept counter nonces (`n++`): right only when the counter is persisted and never repeats under one key. */
  readonly allowCounters: boolean;
  /** Flag one nonce variable used by two encryptions even when their key expressions differ. */
  readonly reuseAcrossKeys: boolean;
}

type MessageId =
  | 'constantNonce'
  | 'moduleLevelNonce'
  | 'instanceNonce'
  | 'outerScopeNonce'
  | 'derivedNonce'
  | 'identifierNonce'
  | 'timeNonce'
  | 'counterNonce'
  | 'reusedNonce'
  | 'useRandomNonce';

const FAMILY_LABELS: Partial<Record<CipherFamily, string>> = {
  GCM: 'AES-GCM',
  CTR: 'AES-CTR',
  CBC: 'AES-CBC',
  CCM: 'AES-CCM',
  OCB: 'AES-OCB',
  CFB: 'AES-CFB',
  OFB: 'AES-OFB',
};

/** Flags encryptions whose nonce/IV is constant, computed once and reused, derived from the key, or taken from a clock or counter. */
export const noIvReuse = defineCheck<NoIvReuseOptions, MessageId>({
  id: 'no-iv-reuse',
  meta: {
    type: 'problem',
    description: 'Disallow constant, once-computed, key-derived, clock or counter nonces and IVs in encryption',
    messages: {
      constantNonce:
        '{{family}} encryption with the constant nonce `{{what}}`: every message under this key repeats it. Generate a fresh random nonce per encryption and store it with the ciphertext.',
      moduleLevelNonce:
        '{{family}} encryption with the nonce `{{name}}`, computed once at module load and reused by every call. Generate the nonce inside the function, once per encryption.',
      instanceNonce:
        '{{family}} encryption with the nonce `{{name}}`, computed once per instance and reused by every call on it. Generate the nonce once per encryption.',
      outerScopeNonce:
        '{{family}} encryption with the nonce `{{name}}`, computed once outside the loop or closure that repeats this encryption. Generate the nonce once per encryption.',
      derivedNonce:
        '{{family}} encryption with a nonce derived from the key `{{what}}`: it is the same for every message under that key. Use a fresh random nonce.',
      identifierNonce:
        '{{family}} encryption with a nonce computed from the identifier `{{what}}`: it is the same for every message about that identifier. Use a fresh random nonce.',
      timeNonce:
        '{{family}} encryption with a nonce from the clock (`{{what}}`): encryptions in the same tick or on other machines repeat it. Use a fresh random nonce.',
      counterNonce:
        '{{family}} encryption with a nonce from the in-memory counter `{{name}}`: it restarts with the process and repeats under the same key. Use a fresh random nonce, or persist the counter and set `allowCounters`.',
      reusedNonce:
        '`{{name}}` is already the nonce of the {{family}} encryption on line {{line}} under the same key; every encryption needs its own nonce.',
      useRandomNonce: 'Use a fresh random nonce: `{{replacement}}` (store it with the ciphertext).',
    },
    schema: {
      type: 'object',
      properties: {
        checkCbc: {
          type: 'boolean',
          description:
            'Also check AES-CBC, where a repeated or predictable IV leaks equal prefixes and enables chosen-plaintext attacks.',
        },
        allowCounters: {
          type: 'boolean',
          description:
            'Accept nonces from counters (`n++`); only right when the counter is persisted and never repeats under one key.',
        },
        reuseAcrossKeys: {
          type: 'boolean',
          description:
            'Flag one nonce variable used by two encryptions in a function even when their key expressions differ.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { checkCbc: true, allowCounters: false, reuseAcrossKeys: false },
    strictOptions: { reuseAcrossKeys: true },
    level: 'recommended',
    hasSuggestions: true,
  },
  create(context) {
    const t = context.ts;
    const { options } = context;
    const originContext: NonceOriginContext = { ts: t, checker: context.checker };
    /** CipherCalls whose nonce is a plain variable, by the variable's declaration, for the reuse check. */
    const byNonceBinding = new Map<ts.Node, CipherCall[]>();
    const reported = new Set<ts.Node>();

    const inScope = (family: CipherFamily | undefined): boolean => {
      if (family === undefined) return true;
      const impact = nonceReuseImpact(family);
      if (impact === 'none' || impact === 'misuse-resistant') return false;
      return impact !== 'leaks-equality' || options.checkCbc;
    };

    const handle = (encryption: CipherCall): void => {
      const { family, nonce, key } = encryption;
      const label = family ? (FAMILY_LABELS[family] ?? family) : 'Cipher';
      // IV-less APIs (node's `createCipher`) are no-weak-crypto's finding.
      if (!nonce) return;
      const origin = nonceOrigin(originContext, nonce, { key });
      if (reportIfReused(encryption, nonce, key, origin, label)) return;
      if (origin.kind === 'parameter') {
        checkDefault(encryption, nonce, label);
        checkCallers(encryption, nonce, label);
      }
      rememberForReuse(encryption, label);
    };

    /** Reports a nonce of a flagged origin at `at` (the nonce, or a caller's argument); true when reported. */
    const reportIfReused = (
      encryption: CipherCall,
      at: ts.Expression,
      key: ts.Expression | undefined,
      origin: NonceOrigin,
      label: string,
    ): boolean => {
      if (
        !isFlagged(origin) ||
        (origin.kind === 'time-or-counter' && origin.source === 'counter' && options.allowCounters)
      )
        return false;
      // A nonce that repeats under a key used only once is harmless (one-time data keys), and so
      // is one nonce per loop run when each run brings its own key (`for (const key of keys)`).
      if (key && isFreshKeyPerCall(originContext, key)) return true;
      if (key && repeatsOncePerKey(t, encryption.call, key, origin)) return true;
      // A parameter default shared by several callers is one finding.
      if (reported.has(at)) return true;
      reported.add(at);
      context.report({
        node: at,
        messageId: messageFor(origin),
        data: { family: label, what: describeOrigin(at, origin), name: origin.binding ?? origin.detail },
        suggestions:
          origin.kind === 'constant' && at === encryption.nonce
            ? randomNonceSuggestion(t, context.sourceFile, encryption, origin)
            : [],
      });
      return true;
    };

    /**
     * A nonce parameter with a default (`iv = Buffer.alloc(12)`): every caller that leaves it out
     * gets that nonce, so the default is judged (and reported) where it is written, once.
     */
    const checkDefault = (encryption: CipherCall, nonce: ts.Expression, label: string): void => {
      const id = skipOuterExpressions(t, nonce);
      const parameter = t.isIdentifier(id) ? resolveIdentifier(t, id, undefined) : undefined;
      const fallback = parameter && t.isParameter(parameter) ? parameter.initializer : undefined;
      if (fallback)
        reportIfReused(
          encryption,
          fallback,
          encryption.key,
          nonceOrigin(originContext, fallback, { key: encryption.key }),
          label,
        );
    };

    /**
     * A nonce that is a parameter of a function in this file: judged at each call of that function
     * here (`encrypt(data, key, Buffer.alloc(12))`), with the key argument mapped the same way.
     */
    const checkCallers = (encryption: CipherCall, nonce: ts.Expression, label: string): void => {
      const callee = calleeParameters(t, nonce);
      if (!callee) return;
      const keyExpr = encryption.key && skipOuterExpressions(t, encryption.key);
      const keyIndex =
        keyExpr && t.isIdentifier(keyExpr)
          ? callee.fn.parameters.findIndex((p) => t.isIdentifier(p.name) && p.name.text === keyExpr.text)
          : -1;
      for (const call of callsOf(t, context.sourceFile, callee.binding)) {
        const argument = call.arguments[callee.index] ?? callee.fn.parameters[callee.index]?.initializer;
        if (!argument || call.arguments.some((a) => t.isSpreadElement(a))) continue;
        const key = keyIndex >= 0 ? call.arguments[keyIndex] : encryption.key;
        reportIfReused(encryption, argument, key, nonceOrigin(originContext, argument, { key }), label);
      }
    };

    const rememberForReuse = (encryption: CipherCall, label: string): void => {
      const nonce = encryption.nonce && skipOuterExpressions(t, encryption.nonce);
      if (!nonce || !t.isIdentifier(nonce)) return;
      const decl = resolveIdentifier(t, nonce, undefined);
      if (!decl || !constInitializer(t, decl)) return;
      const earlier = byNonceBinding.get(decl) ?? [];
      const scope = enclosingFunctionOrFile(t, encryption.call);
      const keyText = encryption.key?.getText();
      const previous = earlier.find(
        (e) =>
          enclosingFunctionOrFile(t, e.call) === scope &&
          (options.reuseAcrossKeys || e.key?.getText() === keyText) &&
          !mutuallyExclusive(t, e.call, encryption.call),
      );
      if (previous) {
        const line =
          context.sourceFile.getLineAndCharacterOfPosition(previous.call.getStart(context.sourceFile)).line + 1;
        context.report({ node: nonce, messageId: 'reusedNonce', data: { name: nonce.text, family: label, line } });
      }
      byNonceBinding.set(decl, [...earlier, encryption]);
    };

    const flow = createFlowContext(t, { checker: context.checker, settings: context.settings });
    /**
     * `seal(key, FIXED_IV, data)` whose body (through the functions it calls, or with a checker in
     * another module) encrypts with that parameter as the nonce: the argument is judged here.
     */
    const checkHelperCall = (call: ts.CallExpression): void => {
      const callee = calleeSinks(flow, call, NONCE_SINK);
      if (!callee) return;
      const { fn } = callee;
      for (const hit of callee.sinks) {
        // A function in this file whose own parameter is the nonce: `checkCallers` judges its calls.
        if (hit.through.length === 0 && fn.getSourceFile() === context.sourceFile) continue;
        const encryption = cipherCallOf(t, hit.sinkNode, context.checker);
        const argument = argumentFor(t, call, hit.parameter);
        if (!encryption || !inScope(encryption.family) || !argument) continue;
        const family = encryption.family ? (FAMILY_LABELS[encryption.family] ?? encryption.family) : 'Cipher';
        const path = crossingText(
          flow,
          { sink: family, sinkNode: hit.sinkNode, through: [call, ...hit.through] },
          { sourceFile: context.sourceFile, path: context.file.path },
        );
        reportIfReused(encryption, argument, undefined, nonceOrigin(originContext, argument), path);
      }
    };

    return {
      visit(node) {
        if (!t.isCallExpression(node)) return;
        // Decryption reads the nonce stored with the message: never reported.
        const encryption = cipherCallOf(t, node, context.checker);
        if (encryption?.direction === 'encrypt' && inScope(encryption.family)) handle(encryption);
        else if (!encryption) checkHelperCall(node);
      },
    };
  },
});

/** Encryptions as function summaries see them: the nonce is the value that reaches the sink. */
const NONCE_SINK: SinkRecognizer = {
  key: 'no-iv-reuse:nonce',
  sinkOf(ctx, call) {
    const encryption = cipherCallOf(ctx.ts, call, ctx.checker);
    return encryption?.direction === 'encrypt' && encryption.nonce
      ? { display: 'nonce', values: [encryption.nonce] }
      : undefined;
  },
};

/** The function whose parameter `nonce` is, the binding it is called by, and the parameter's index. */
function calleeParameters(
  t: TypeScript,
  nonce: ts.Expression,
):
  | {
      fn: ts.SignatureDeclaration & { parameters: ts.NodeArray<ts.ParameterDeclaration> };
      binding: ts.Node;
      index: number;
    }
  | undefined {
  const id = skipOuterExpressions(t, nonce);
  if (!t.isIdentifier(id)) return undefined;
  const parameter = resolveIdentifier(t, id, undefined);
  if (!parameter || !t.isParameter(parameter) || !t.isIdentifier(parameter.name)) return undefined;
  const fn = parameter.parent;
  const index = fn.parameters.indexOf(parameter);
  if (t.isFunctionDeclaration(fn) && fn.name) return { fn, binding: fn, index };
  if (
    (t.isArrowFunction(fn) || t.isFunctionExpression(fn)) &&
    t.isVariableDeclaration(fn.parent) &&
    t.isIdentifier(fn.parent.name)
  ) {
    return { fn, binding: fn.parent, index };
  }
  return undefined;
}

/** Calls in this file whose callee is the identifier bound by `binding`. */
function callsOf(t: TypeScript, sourceFile: ts.SourceFile, binding: ts.Node): ts.CallExpression[] {
  const name = (binding as ts.FunctionDeclaration | ts.VariableDeclaration).name;
  if (!name || !t.isIdentifier(name)) return [];
  const calls: ts.CallExpression[] = [];
  forEachDescendant(t, sourceFile, (node) => {
    if (t.isCallExpression(node)) {
      const callee = skipOuterExpressions(t, node.expression);
      if (t.isIdentifier(callee) && callee.text === name.text && resolveIdentifier(t, callee, undefined) === binding)
        calls.push(node);
    }
  });
  return calls;
}

/**
 * True when the repetition that reuses a once-computed nonce also brings a new key each time:
 * the key is declared inside the loop or array callback around the call, the nonce outside it.
 * Only for nonces computed once per outer call, or at module level and read at module level.
 */
function repeatsOncePerKey(t: TypeScript, call: ts.CallExpression, key: ts.Expression, origin: NonceOrigin): boolean {
  const onceOutside =
    origin.kind === 'outer-scope' ||
    (origin.kind === 'module-level' && t.isSourceFile(enclosingFunctionOrFile(t, call)));
  if (!onceOutside) return false;
  let root = skipOuterExpressions(t, key);
  while (t.isPropertyAccessExpression(root) || t.isElementAccessExpression(root) || t.isCallExpression(root))
    root = skipOuterExpressions(t, root.expression);
  if (!t.isIdentifier(root)) return false;
  const keyDecl = resolveIdentifier(t, root, undefined);
  if (!keyDecl) return false;
  for (let node: ts.Node | undefined = call.parent; node && !t.isSourceFile(node); node = node.parent) {
    if (containsNode(node, origin.node)) return false;
    if (isRepeatingScope(t, node) && containsNode(node, keyDecl)) return true;
  }
  return false;
}

function isFlagged(origin: NonceOrigin): boolean {
  switch (origin.kind) {
    case 'constant':
    case 'module-level':
    case 'instance-field':
    case 'outer-scope':
    case 'derived-from-key':
    case 'deterministic':
    case 'time-or-counter':
      return true;
    default:
      return false;
  }
}

/** `SHARED_IV` = `Buffer.alloc(12)`: the nonce as written, and what it turned out to be when that differs. */
function describeOrigin(nonce: ts.Expression, origin: NonceOrigin): string {
  if (origin.kind !== 'constant' || (origin.node.pos >= nonce.pos && origin.node.end <= nonce.end))
    return origin.detail;
  const written = nonce.getText();
  return written.length <= 40 ? `${written}\` = \`${origin.detail}` : origin.detail;
}

function messageFor(origin: NonceOrigin): MessageId {
  switch (origin.kind) {
    case 'constant':
      return 'constantNonce';
    case 'module-level':
      return 'moduleLevelNonce';
    case 'instance-field':
      return 'instanceNonce';
    case 'outer-scope':
      return 'outerScopeNonce';
    case 'derived-from-key':
      return 'derivedNonce';
    case 'deterministic':
      return 'identifierNonce';
    default:
      return origin.source === 'counter' ? 'counterNonce' : 'timeNonce';
  }
}

function containsNode(outer: ts.Node, inner: ts.Node): boolean {
  return inner.pos >= outer.pos && inner.end <= outer.end;
}

/** A branch that always leaves the function: `return …`, `throw …`, or a block ending in one. */
function alwaysExits(t: TypeScript, branch: ts.Node): boolean {
  if (t.isReturnStatement(branch) || t.isThrowStatement(branch)) return true;
  if (t.isBlock(branch)) {
    const last = branch.statements[branch.statements.length - 1];
    return last !== undefined && alwaysExits(t, last);
  }
  return false;
}

/**
 * True when only one of `a` (earlier) and `b` can run: different branches of one `if`, `?:` or
 * `switch`, or `a` in a branch that always returns or throws.
 */
function mutuallyExclusive(t: TypeScript, a: ts.Node, b: ts.Node): boolean {
  const ancestors = new Set<ts.Node>();
  for (let n: ts.Node | undefined = a; n; n = n.parent) ancestors.add(n);
  // Below the common ancestor: a branch around `a` that always exits never falls through to `b`.
  for (let n: ts.Node = a; n.parent && !containsNode(n.parent, b) && !isFunctionLike(t, n.parent); n = n.parent) {
    if (t.isIfStatement(n.parent) && n !== n.parent.expression && alwaysExits(t, n)) return true;
  }
  let childOfCommon: ts.Node = b;
  let common: ts.Node | undefined = b.parent;
  while (common && !ancestors.has(common)) {
    childOfCommon = common;
    common = common.parent;
  }
  if (!common) return false;
  let aChild: ts.Node = a;
  while (aChild.parent && aChild.parent !== common) aChild = aChild.parent;
  if (t.isIfStatement(common))
    return aChild !== childOfCommon && aChild !== common.expression && childOfCommon !== common.expression;
  if (t.isConditionalExpression(common))
    return aChild !== childOfCommon && aChild !== common.condition && childOfCommon !== common.condition;
  if (t.isCaseBlock(common)) return aChild !== childOfCommon;
  return false;
}

/**
 * Replacing an inline constant nonce with a random one, offered only where a random source is
 * already importable in the file (node:crypto `randomBytes`, noble `randomBytes`) or, for
 * WebCrypto, the global `crypto.getRandomValues`.
 */
function randomNonceSuggestion(
  t: TypeScript,
  sourceFile: ts.SourceFile,
  encryption: CipherCall,
  origin: NonceOrigin,
): CheckSuggestion<MessageId>[] {
  const nonce = encryption.nonce;
  // Only a constant written inside the encryption call itself: replacing a shared constant elsewhere would only move the reuse.
  const call = encryption.call;
  if (
    !nonce ||
    nonce.pos < call.pos ||
    nonce.end > call.end ||
    origin.node.pos < nonce.pos ||
    origin.node.end > nonce.end
  )
    return [];
  // Without a known mode the right nonce length is unknown too.
  if (!encryption.family) return [];
  const length = nonceLengthOf(encryption.family);
  const randomBytes = importedRandomBytes(t, sourceFile, encryption.api.library === '@noble/ciphers');
  const replacement =
    encryption.api.library === 'webcrypto' && !topLevelBinding(t, sourceFile, 'crypto')
      ? `crypto.getRandomValues(new Uint8Array(${length}))`
      : randomBytes && `${randomBytes}(${length})`;
  if (!replacement) return [];
  return [
    {
      messageId: 'useRandomNonce',
      data: { replacement },
      edits: [{ start: nonce.getStart(sourceFile), end: nonce.getEnd(), text: replacement }],
    },
  ];
}

/** True when the file binds `name` at top level (so a global of that name is shadowed). */
function topLevelBinding(t: TypeScript, sourceFile: ts.SourceFile, name: string): boolean {
  return sourceFile.statements.some((s) => {
    if (t.isVariableStatement(s))
      return s.declarationList.declarations.some((d) => t.isIdentifier(d.name) && d.name.text === name);
    if (!t.isImportDeclaration(s) || !s.importClause) return false;
    const { name: defaultName, namedBindings } = s.importClause;
    if (defaultName?.text === name) return true;
    if (namedBindings && t.isNamespaceImport(namedBindings)) return namedBindings.name.text === name;
    return (
      namedBindings !== undefined &&
      t.isNamedImports(namedBindings) &&
      namedBindings.elements.some((e) => e.name.text === name)
    );
  });
}

/**
 * The callee text for a random-bytes function already in scope: a named `randomBytes` import
 * (node:crypto, or @noble for noble ciphers), or `ns.randomBytes` for a node:crypto namespace,
 * default import or `require`.
 */
function importedRandomBytes(t: TypeScript, sourceFile: ts.SourceFile, noble: boolean): string | undefined {
  for (const statement of sourceFile.statements) {
    if (
      t.isImportDeclaration(statement) &&
      t.isStringLiteralLike(statement.moduleSpecifier) &&
      statement.importClause &&
      !statement.importClause.isTypeOnly
    ) {
      const module = normalizeModuleId(statement.moduleSpecifier.text);
      const clause = statement.importClause;
      const bindings = clause.namedBindings;
      if (bindings && t.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          const source = findRandomSource(module, [(element.propertyName ?? element.name).text]);
          if (
            source &&
            source.behaviour === 'returns' &&
            source.id.endsWith(':randomBytes') &&
            (noble || module === 'node:crypto')
          )
            return element.name.text;
        }
      }
      if (module === 'node:crypto') {
        if (clause.name) return `${clause.name.text}.randomBytes`;
        if (bindings && t.isNamespaceImport(bindings)) return `${bindings.name.text}.randomBytes`;
      }
    }
    if (t.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer && skipOuterExpressions(t, declaration.initializer);
        const required =
          init &&
          t.isCallExpression(init) &&
          t.isIdentifier(init.expression) &&
          init.expression.text === 'require' &&
          init.arguments[0] &&
          t.isStringLiteralLike(init.arguments[0])
            ? normalizeModuleId(init.arguments[0].text)
            : undefined;
        if (required !== 'node:crypto') continue;
        if (t.isIdentifier(declaration.name)) return `${declaration.name.text}.randomBytes`;
        if (t.isObjectBindingPattern(declaration.name)) {
          for (const element of declaration.name.elements) {
            const imported = element.propertyName
              ? propertyNameText(t, element.propertyName)
              : t.isIdentifier(element.name)
                ? element.name.text
                : undefined;
            if (imported === 'randomBytes' && t.isIdentifier(element.name)) return element.name.text;
          }
        }
      }
    }
  }
  return undefined;
}
