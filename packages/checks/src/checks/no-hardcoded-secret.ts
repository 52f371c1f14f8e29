import type * as ts from 'typescript';
import { defineCheck, type Confidence, type TypeScript } from '../check.js';
import {
  accessPath,
  calleeName,
  constInitializer,
  propertyNameText,
  resolveIdentifier,
  skipOuterExpressions,
  staticString,
} from '../ast/index.js';
import type { ApiLocation } from '../catalogs/crypto-apis.js';
import { SECRET_KEY_ARGUMENTS, SECRET_KEY_OPTION_TYPES, SECRET_KEY_PROPERTIES } from '../catalogs/crypto-costs.js';
import { apiLocationOf } from '../nonce/api-location.js';
import { classifyName, splitWords } from '../names/index.js';
import {
  commentDisclaimsSecret,
  detectSecretLiteral,
  nameDisclaimsSecret,
  ENTROPY_DETECTOR_IDS,
  explainSecretValue,
  formatEvidence,
  isPlaceholder,
  isStandInKey,
  looksLikeSecretPhrase,
  looksLikeSecretValue,
  redact,
} from '../literals/index.js';
import { DEFAULT_TEST_FILE_PATTERNS, isTestFile } from '../test-files.js';
import { analyzeSecretSettings, type SecretSettingMessageId } from '../text/secret-settings.js';
import { envBindingRead, envDefaultOf, envReadOf, envSpreadDefaults } from '../flow/env-reads.js';
import { findCipherApi } from '../nonce/crypto-lookup.js';

export interface NoHardcodedSecretOptions {
  /** Values never reported, compared exactly (e.g. a documented demo key). */
  readonly allowedPlaceholders: readonly string[];
  /** Regular expressions (source text) whose matching values are never reported. */
  readonly allowedPatterns: readonly string[];
  /** Skip name-based findings and sample JWTs in test files; other known credential formats are reported everywhere. */
  readonly ignoreTestFiles: boolean;
  /** Globs that mark a test file, matched against the file path with `/` separators. */
  readonly testFilePatterns: readonly string[];
}

type MessageId = 'knownFormat' | 'secretName' | 'literalKey' | 'useEnv' | SecretSettingMessageId;

/** Known formats that tests embed as sample data: signed claims, not keys. */
const TEST_SAMPLE_FORMATS = new Set(['jwt']);

/**
 * Flags string literals that are credentials: a known credential format anywhere in source, or a
 * non-placeholder value assigned to a secret name (variable, property, class field, default
 * parameter, JSX attribute, `set('apiKey', '…')`, or compared with a secret).
 */
export const noHardcodedSecret = defineCheck<NoHardcodedSecretOptions, MessageId>({
  id: 'no-hardcoded-secret',
  meta: {
    type: 'problem',
    description: 'Disallow credentials written as string literals in source code',
    messages: {
      knownFormat:
        'Hard-coded {{description}} ({{preview}}): load it from the environment or a secret manager, and rotate it.',
      secretName:
        "'{{name}}' gets a hard-coded secret ({{preview}}): load it from the environment or a secret manager.",
      literalKey:
        'A hard-coded key ({{preview}}) is passed to {{api}}(): anyone with the source can sign or decrypt; load it from the environment or a secret manager.',
      useEnv: 'Read it from process.env.{{envName}} instead.',
      settingKnownFormat:
        '{{name}} holds a hard-coded {{description}} ({{preview}}): move it to a secret manager or the deployment environment, and rotate it.',
      settingSecretName:
        '{{name}} holds a hard-coded secret ({{preview}}): move it to a secret manager or the deployment environment, and rotate it.',
      privateKeyFile:
        'This file holds a {{description}}: keep key material out of the repository (a secret manager or the deployment environment), and rotate the key.',
    },
    schema: {
      type: 'object',
      properties: {
        allowedPlaceholders: {
          type: 'array',
          items: { type: 'string' },
          description: 'Values never reported, compared exactly (e.g. a documented demo key).',
        },
        allowedPatterns: {
          type: 'array',
          items: { type: 'string' },
          description: 'Regular expressions (source text, no flags) whose matching values are never reported.',
        },
        ignoreTestFiles: {
          type: 'boolean',
          description:
            'Skip name-based findings and sample JWTs in test files; other known credential formats are reported everywhere.',
        },
        testFilePatterns: {
          type: 'array',
          items: { type: 'string' },
          description: 'Globs that mark a test file, matched against the path with `/` separators.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: {
      allowedPlaceholders: [],
      allowedPatterns: [],
      ignoreTestFiles: true,
      testFilePatterns: [...DEFAULT_TEST_FILE_PATTERNS],
    },
    strictOptions: { ignoreTestFiles: false },
    level: 'recommended',
    hasSuggestions: true,
    // Settings files are read too: .env, JSON/YAML, TOML and .npmrc values, and private key files.
    inputs: ['typescript', 'env', 'config', 'toml', 'npmrc', 'private-key'],
    // A leaked credential is usable by anyone who reads the repository.
    securitySeverity: 9.0,
  },
  analyzeText: analyzeSecretSettings,
  create(context) {
    const t = context.ts;
    const { options, sourceFile } = context;
    if (sourceFile.isDeclarationFile) return {};
    const allowedPatterns = options.allowedPatterns.map((p) => new RegExp(p));
    const isAllowed = (value: string): boolean =>
      options.allowedPlaceholders.includes(value) || allowedPatterns.some((re) => re.test(value));
    const inTestFile =
      options.ignoreTestFiles &&
      isTestFile(sourceFile.fileName, options.testFilePatterns, context.program?.getCurrentDirectory());

    const report = (
      node: ts.Node,
      value: string,
      targetName: string | undefined,
      messageId: 'knownFormat' | 'secretName',
      evidence: { confidence: Confidence; live?: boolean },
      description?: string,
      displayName?: string,
    ): void => {
      const envName = targetName ? (/^[A-Z0-9_]+$/.test(targetName) ? targetName : envVarName(targetName)) : undefined;
      context.report({
        node,
        messageId,
        confidence: evidence.confidence,
        ...(evidence.live ? { liveCredential: true } : {}),
        data: { preview: redact(value), name: displayName ?? targetName ?? '', description: description ?? '' },
        suggestions:
          envName && isReplaceableLiteral(t, node)
            ? [
                {
                  messageId: 'useEnv',
                  data: { envName },
                  edits: [
                    { start: node.getStart(sourceFile), end: node.getEnd(), text: envReadText(t, node, envName) },
                  ],
                },
              ]
            : [],
      });
    };

    const literalKey = (node: ts.Node, value: string, api: string, envName: string): void => {
      context.report({
        node,
        messageId: 'literalKey',
        data: { preview: redact(value), api },
        suggestions: [
          {
            messageId: 'useEnv',
            data: { envName },
            edits: [{ start: node.getStart(sourceFile), end: node.getEnd(), text: `process.env.${envName}` }],
          },
        ],
      });
    };
    const disclaimed = (literal: ts.Node): boolean =>
      commentsBeside(t, sourceFile, literal).some((comment) => commentDisclaimsSecret(comment));
    const candidates: { node: ts.Node; value: string; targetName: string; key: string; confidence: Confidence }[] = [];
    const valuesByName = new Map<string, Set<string>>();
    /** Literals already reported by the literal visit. */
    const reported = new Set<ts.Node>();
    /** Literals of this file that reach a key slot through a name, and those of other modules, by call site. */
    const reachedKeys = new Map<ts.Node, ReachedKey>();
    const reachedElsewhere: ReachedKey[] = [];

    return {
      visit(node) {
        if (!inTestFile && (t.isCallExpression(node) || t.isNewExpression(node))) {
          for (const reached of keysReachingCall(t, node, context.checker)) {
            if (reached.literal.getSourceFile() === sourceFile) {
              if (!reachedKeys.has(reached.literal)) reachedKeys.set(reached.literal, reached);
            } else {
              reachedElsewhere.push(reached);
            }
          }
          return;
        }
        const value = literalText(t, node);
        if (value === undefined || isAllowed(value) || isModuleSpecifierOrKey(t, node)) return;
        const target = isReplaceableLiteral(t, node)
          ? secretTarget(t, node as ts.Expression, context.checker)
          : undefined;
        if (target === 'env-fallback') return; // `process.env.X ?? '…'` belongs to no-env-fallback.
        const targetName = target?.name;
        const explained = explainSecretValue(value);
        const known = detectSecretLiteral(value) ?? (explained?.basis === 'format' ? explained : undefined);
        if (known) {
          // A provider-issued credential leaks wherever it is; generic shapes are judged with the file's kind.
          reported.add(node);
          if (inTestFile && TEST_SAMPLE_FORMATS.has(known.detectorId)) return;
          // A generic shape (a PEM key) held as placeholder or sample text is shown, not used; a live
          // vendor token is judged by its format, however its holder is named.
          const evidence = formatEvidence(known, value);
          const lowered = disclaimed(node) || (!evidence.live && shownAsSample(t, node, sourceFile));
          report(node, value, targetName, 'knownFormat', lowered ? DISCLAIMED_FORMAT : evidence, known.description);
          return;
        }
        if (!targetName && !inTestFile && isReplaceableLiteral(t, node) && isBasicAuthPair(t, node as ts.Expression)) {
          // `'Basic ' + Buffer.from('admin:Adm1nP@ss').toString('base64')`: the part after the colon is a password.
          const password = value.slice(value.indexOf(':') + 1);
          if (looksLikeSecretValue(password))
            report(node, value, undefined, 'secretName', { confidence: 'high' }, undefined, BASIC_AUTH_NAME);
          return;
        }
        if (!targetName || inTestFile) return;
        if (target?.keyApi) {
          // Any literal key is hard-coded, however weak it looks (`'secret'` is the classic JWT key).
          reported.add(node);
          if (!isStandInKey(value) && !(target.login && isPlaceholder(value)))
            literalKey(node, value, target.keyApi, targetName);
          return;
        }
        const c = classifyName(targetName, context.settings);
        // `Authorization: 'Bearer …'`: the credential is what follows the scheme.
        const credential = c.kind === 'authorization' ? value.replace(AUTH_SCHEME, '') : value;
        if (!c.isSecret) return;
        // Every non-empty literal the name is given counts toward `MANY_VALUES`, secret-looking or not:
        // `token: 'String'`, `token: 'bool'`, `token: 'serde_json::Value'` are a code generator's type names.
        const key = targetName.split('.').pop()!;
        const values = valuesByName.get(key) ?? new Set<string>();
        if (value !== '') values.add(value);
        valuesByName.set(key, values);
        // A made-up phrase (`my_super_secret_cookie_phrase`) under a secret's name: medium, as a name is the evidence.
        if (!looksLikeSecretValue(credential) && !(holdsPhrase(targetName, c.kind) && isMadeUpPhrase(credential)))
          return;
        if (isPublicSearchKey(t, node) || isIngestionKey(t, node)) return;
        // `SET_COMPONENT_CREDENTIALS = '@canvas/SET_COMPONENT_CREDENTIALS'`: a constant whose value is its own name.
        if (namesItself(targetName, credential)) return;
        // `token === 'Identifier'` in a lexer: a comparison only counts for kinds that are never an enum.
        if (
          target?.compared &&
          !COMPARED_KINDS.has(c.kind ?? 'secret') &&
          explainSecretValue(credential)?.detectorId !== ENTROPY_DETECTOR_IDS.random
        )
          return;
        // `X !== undefined ? X : 'dev-secret'`: a default of an env read, no-env-fallback's finding.
        if (envDefaultOf(t, node as ts.Expression, context.checker) || isSpreadEnvDefault(t, node, context.checker))
          return;
        // `const XOR_SECRET_KEY = '…'` under `// This is not actually a secret key`: the author's word.
        // `export const samples: SampleRecord[] = [{ body: { token: '…' } }]`: data the program calls made up.
        const confidence = disclaimed(node)
          ? 'low'
          : inSampleData(t, node)
            ? 'medium'
            : nameEvidenceConfidence(c.kind, credential);
        candidates.push({ node, value, targetName, key, confidence });
      },
      end() {
        // A literal that reaches a key slot is the key, however it reads: high, as when written in the call.
        const standIn = (literal: ts.StringLiteralLike, slot: KeySlot) =>
          isAllowed(literal.text) || isStandInKey(literal.text) || (slot.login && isPlaceholder(literal.text));
        for (const { literal, slot } of reachedKeys.values()) {
          if (reported.has(literal) || standIn(literal, slot)) continue;
          literalKey(literal, literal.text, slot.api, slot.envName);
        }
        // Another module's literal is reported where this file passes it, once per literal.
        const passedHere = new Set<ts.Node>();
        for (const reached of reachedElsewhere) {
          if (passedHere.has(reached.literal) || standIn(reached.literal, reached.slot)) continue;
          passedHere.add(reached.literal);
          context.report({
            node: reached.passed,
            messageId: 'literalKey',
            data: { preview: redact(reached.literal.text), api: reached.slot.api },
          });
        }
        // A name given several different literals is a state or an enum (`lastToken = '?Paren'`), not a credential.
        for (const candidate of candidates) {
          if (reachedKeys.has(candidate.node)) continue;
          if ((valuesByName.get(candidate.key)?.size ?? 0) >= MANY_VALUES) continue;
          report(candidate.node, candidate.value, candidate.targetName, 'secretName', {
            confidence: candidate.confidence,
          });
        }
      },
    };
  },
});

/**
 * True when a literal sits in a record nested in data that a variable named or typed as made up
 * holds (`samples: SampleRecord[] = [{ body: { token } }]`, `mockEvent = { session: { token } }`);
 * see `nameDisclaimsSecret`. A flat object (`sampleConfig = { apiKey: '…' }`) is configuration,
 * however it is named: a key pasted there is used.
 */
function inSampleData(t: TypeScript, literal: ts.Node): boolean {
  let current: ts.Node = literal;
  let levels = 0;
  while (
    current.parent &&
    (t.isPropertyAssignment(current.parent) ||
      t.isObjectLiteralExpression(current.parent) ||
      t.isArrayLiteralExpression(current.parent) ||
      t.isParenthesizedExpression(current.parent) ||
      t.isAsExpression(current.parent) ||
      t.isSatisfiesExpression(current.parent))
  ) {
    if (t.isObjectLiteralExpression(current.parent) || t.isArrayLiteralExpression(current.parent)) levels++;
    current = current.parent;
  }
  const holder = current.parent;
  if (levels < 2 || !holder || !t.isVariableDeclaration(holder) || holder.initializer !== current) return false;
  if (t.isIdentifier(holder.name) && nameDisclaimsSecret(holder.name.text)) return true;
  return holder.type !== undefined && nameDisclaimsSecret(holder.type.getText());
}

/**
 * How sure a name-based finding is. A random-looking value under a credential name is a generated
 * key or token: high. A human-chosen password under a password name is high too. Anything else (a
 * password-shaped value under a token or key name, which is often an id, a label or an enum) is medium.
 */
function nameEvidenceConfidence(kind: string | undefined, value: string): Confidence {
  const basis = explainSecretValue(value)?.detectorId;
  if (basis === ENTROPY_DETECTOR_IDS.random) return 'high';
  if (basis === ENTROPY_DETECTOR_IDS.password && kind === 'password') return 'high';
  return 'medium';
}

/**
 * True when the code says a literal in a known format is shown, not used: what holds it is named as
 * made-up or placeholder text (`const PRIVATE_KEY_PLACEHOLDER = \`-----BEGIN …\`.trim()`,
 * `placeholder: '…'`, `<textarea placeholder="…">`, `exampleKey`), or it is a module-local `const`
 * whose every use is a `placeholder` property or attribute (a sample key shown in an empty input).
 * Like a disclaiming comment, the author's word: the finding is lowered, not dropped. Asked only for
 * formats that are not live (a vendor token under `exampleKey` is still judged by its format).
 */
function shownAsSample(t: TypeScript, literal: ts.Node, sourceFile: ts.SourceFile): boolean {
  const holder = valueHolder(t, literal);
  if (!holder) return false;
  const name = holderName(t, holder);
  if (name !== undefined && nameDisclaimsSecret(name)) return true;
  if (!t.isVariableDeclaration(holder) || !t.isIdentifier(holder.name) || !isModuleLocalConst(t, holder)) return false;
  const uses = identifierUses(t, sourceFile, holder.name);
  return uses.length > 0 && uses.every((use) => placeholderSlotName(t, use) !== undefined);
}

/**
 * The declaration, property or attribute a literal is the value of, through wrappers, string methods
 * (`\`…\`.trim()`), concatenation and template parts.
 */
function valueHolder(t: TypeScript, literal: ts.Node): ts.Node | undefined {
  let current = literal;
  for (let hops = 0; hops < 8 && current.parent; hops++) {
    const parent: ts.Node = current.parent;
    if (
      t.isParenthesizedExpression(parent) ||
      t.isAsExpression(parent) ||
      t.isSatisfiesExpression(parent) ||
      t.isNonNullExpression(parent) ||
      t.isTemplateSpan(parent) ||
      t.isTemplateExpression(parent) ||
      t.isJsxExpression(parent) ||
      // `examples: ['Basic …']`: the values of a schema's examples.
      t.isArrayLiteralExpression(parent) ||
      (t.isPropertyAccessExpression(parent) && parent.expression === current) ||
      (t.isCallExpression(parent) && parent.expression === current) ||
      (t.isBinaryExpression(parent) && parent.operatorToken.kind === t.SyntaxKind.PlusToken)
    ) {
      current = parent;
      continue;
    }
    const holds =
      ((t.isVariableDeclaration(parent) || t.isPropertyAssignment(parent) || t.isPropertyDeclaration(parent)) &&
        parent.initializer === current) ||
      (t.isJsxAttribute(parent) && parent.initializer === current);
    return holds ? parent : undefined;
  }
  return undefined;
}

function holderName(t: TypeScript, holder: ts.Node): string | undefined {
  if (t.isVariableDeclaration(holder) || t.isPropertyAssignment(holder) || t.isPropertyDeclaration(holder))
    return t.isIdentifier(holder.name) || t.isStringLiteral(holder.name) ? holder.name.text : undefined;
  if (t.isJsxAttribute(holder)) return t.isIdentifier(holder.name) ? holder.name.text : undefined;
  return undefined;
}

/** A `const` of this module that no `export` hands to others. */
function isModuleLocalConst(t: TypeScript, declaration: ts.VariableDeclaration): boolean {
  const list = declaration.parent;
  if (!t.isVariableDeclarationList(list) || !(list.flags & t.NodeFlags.Const)) return false;
  const statement = list.parent;
  return !(t.isVariableStatement(statement) && statement.modifiers?.some((m) => m.kind === t.SyntaxKind.ExportKeyword));
}

/** The identifiers of a file that read a name (not its declaration, not property names). */
function identifierUses(t: TypeScript, sourceFile: ts.SourceFile, name: ts.Identifier): ts.Identifier[] {
  const uses: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (t.isIdentifier(node)) {
      const parent = node.parent;
      const isName =
        node === name ||
        (t.isPropertyAccessExpression(parent) && parent.name === node) ||
        ((t.isPropertyAssignment(parent) || t.isJsxAttribute(parent)) && parent.name === node);
      if (node.text === name.text && !isName) uses.push(node);
      return;
    }
    t.forEachChild(node, visit);
  };
  visit(sourceFile);
  return uses;
}

/** `placeholder` when a read is the value of a `placeholder` property or JSX attribute. */
function placeholderSlotName(t: TypeScript, use: ts.Identifier): string | undefined {
  const holder = valueHolder(t, use);
  const name = holder && holderName(t, holder);
  return name !== undefined && /^placeholder$/i.test(name) ? name : undefined;
}

/**
 * A known format the author marks as a dummy (`secret: 'whsec_…', // dummy secret`): no longer live,
 * so outside product code it is low like any other sample; in product code it stays for strict.
 */
const DISCLAIMED_FORMAT = { confidence: 'medium', live: false } as const;

/**
 * The comments that speak about a literal: the one right above the statement, property or
 * attribute that holds it, and one after it on its line (`key: '…', // dummy`).
 */
function commentsBeside(t: TypeScript, sourceFile: ts.SourceFile, literal: ts.Node): string[] {
  const text = sourceFile.text;
  const lineOf = (pos: number) => sourceFile.getLineAndCharacterOfPosition(pos).line;
  const line = lineOf(literal.getEnd());
  const ranges: ts.CommentRange[] = [];
  let innermost = true;
  for (let holder: ts.Node = literal, hops = 0; holder.parent && hops < 16; holder = holder.parent, hops++) {
    if (!isCommentHolder(t, holder)) continue;
    // Above the innermost holder only; after every holder that ends on the literal's line.
    if (innermost) ranges.push(...(t.getLeadingCommentRanges(text, holder.getFullStart()) ?? []).slice(-1));
    innermost = false;
    let end = holder.getEnd();
    if (lineOf(end) !== line) break;
    if (text[end] === ',' || text[end] === ';') end++;
    ranges.push(...(t.getTrailingCommentRanges(text, end) ?? []).slice(0, 1));
  }
  return ranges.map((c) => text.slice(c.pos, c.end));
}

/** A node a comment is written above: a statement, class member, object property or JSX attribute. */
function isCommentHolder(t: TypeScript, node: ts.Node): boolean {
  const parent = node.parent;
  return (
    t.isParameter(node) ||
    t.isJsxAttribute(node) ||
    t.isSourceFile(parent) ||
    t.isBlock(parent) ||
    t.isModuleBlock(parent) ||
    t.isCaseClause(parent) ||
    t.isDefaultClause(parent) ||
    t.isObjectLiteralExpression(parent) ||
    t.isClassLike(parent)
  );
}

/** Services whose search keys are public by design: sent to every browser, allowed to search only. */
const PUBLIC_SEARCH_SERVICES = /^(algolia|docsearch|typesense|meilisearch|orama)$/i;

/**
 * `algolia: { appId, apiKey: '…', indexName }`, `docsearch({ apiKey: '…', indexName })`: a
 * search-only key, public by design. Told by a sibling `indexName`, the holder's name or the callee.
 */
function isPublicSearchKey(t: TypeScript, literal: ts.Node): boolean {
  const property = literal.parent;
  if (!property || !t.isPropertyAssignment(property)) return false;
  const object = property.parent;
  if (object.properties.some((p) => p.name !== undefined && propertyNameText(t, p.name) === 'indexName')) return true;
  const holder = object.parent;
  if (holder && t.isPropertyAssignment(holder))
    return PUBLIC_SEARCH_SERVICES.test(propertyNameText(t, holder.name) ?? '');
  if (holder && t.isCallExpression(holder)) return PUBLIC_SEARCH_SERVICES.test(calleeName(t, holder.expression) ?? '');
  return false;
}

/**
 * Services whose ingestion keys are public by design: they may only send events or logs to a project,
 * and their SDKs put them in every browser or install (a PostHog project key, a Segment write key, a
 * HyperDX ingestion key).
 */
const INGESTION_SERVICES = /(?:^|[@/\s_.-])(hyperdx|posthog|segment|mixpanel|amplitude|rudderstack)(?:$|[/\s_.-])/i;

/** How many objects up a service's name is looked for (`{ target: '@hyperdx/…', options: { apiKey } }`). */
const INGESTION_LEVELS = 2;

/**
 * `{ target: '@hyperdx/node-opentelemetry/…', options: { apiKey: '…' } }`, `posthog.init('…')`,
 * `new Analytics({ writeKey })` of `@segment/analytics-node`: the key of an event or log ingestion
 * service, told by a string or property naming the service next to it, or the callee.
 */
function isIngestionKey(t: TypeScript, literal: ts.Node): boolean {
  let object: ts.Node | undefined =
    literal.parent && t.isPropertyAssignment(literal.parent) ? literal.parent.parent : undefined;
  for (let level = 0; object && t.isObjectLiteralExpression(object) && level < INGESTION_LEVELS; level++) {
    for (const p of object.properties) {
      const name = p.name !== undefined ? propertyNameText(t, p.name) : undefined;
      const text = t.isPropertyAssignment(p) ? literalText(t, skipOuterExpressions(t, p.initializer)) : undefined;
      if (p !== literal.parent && text !== undefined && INGESTION_SERVICES.test(text)) return true;
      if (name !== undefined && INGESTION_SERVICES.test(name)) return true;
    }
    const holder: ts.Node | undefined = object.parent;
    if (holder && (t.isCallExpression(holder) || t.isNewExpression(holder)))
      return INGESTION_SERVICES.test(calleeName(t, holder.expression) ?? '');
    object = holder && t.isPropertyAssignment(holder) ? holder.parent : undefined;
  }
  return false;
}

/**
 * A value that is its holder's own name, alone or after a namespace (`GmailTokens: 'GmailTokens'`,
 * `SET_COMPONENT_CREDENTIALS = '@canvas/SET_COMPONENT_CREDENTIALS'`): an action type or a settings
 * name. Only for names of two words or more: `password = 'password'` is a weak password.
 */
function namesItself(targetName: string, value: string): boolean {
  const name = targetName.split('.').pop()!;
  if (splitWords(name).length < 2) return false;
  const squash = (text: string) => text.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  return value.split(/[/:.@#\s]+/).some((segment) => segment !== '' && squash(segment) === squash(name));
}

/** The text of a string literal or of a template part, which is where credentials hide. */
function literalText(t: TypeScript, node: ts.Node): string | undefined {
  if (t.isStringLiteral(node) || t.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (t.isTemplateHead(node) || t.isTemplateMiddle(node) || t.isTemplateTail(node)) return node.text;
  return undefined;
}

/** Literals that are a whole value, not a template part: only these get a name or a suggestion. */
function isReplaceableLiteral(t: TypeScript, node: ts.Node): boolean {
  return t.isStringLiteral(node) || t.isNoSubstitutionTemplateLiteral(node);
}

/** Import paths, property keys and type positions hold names, never values. */
function isModuleSpecifierOrKey(t: TypeScript, node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (t.isImportDeclaration(parent) || t.isExportDeclaration(parent) || t.isExternalModuleReference(parent))
    return true;
  if (t.isLiteralTypeNode(parent) || t.isImportTypeNode(parent)) return true;
  if (
    (t.isPropertyAssignment(parent) ||
      t.isPropertyDeclaration(parent) ||
      t.isMethodDeclaration(parent) ||
      t.isPropertySignature(parent)) &&
    parent.name === node
  )
    return true;
  if (t.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
  if (t.isEnumMember(parent) && parent.name === node) return true;
  return false;
}

interface SecretTarget {
  readonly name: string | undefined;
  /** The literal is compared with the name (`password === '…'`) rather than given to it. */
  readonly compared?: boolean;
  /** The literal is the key argument of this crypto or signing API (`createHmac('sha256', '…')`). */
  readonly keyApi?: string;
  /** The key is a login password, whose development defaults (`postgres`, `root`) are placeholders. */
  readonly login?: boolean;
}

/**
 * The API a literal argument (or a property of an options-object argument) is the key of: the
 * cipher catalog's key slot, or `SECRET_KEY_ARGUMENTS` (catalogs/crypto-costs).
 */
function keyArgumentOf(
  t: TypeScript,
  call: ts.CallExpression | ts.NewExpression,
  index: number,
  property?: string,
): KeySlot | undefined {
  return keySlotsOf(t, call).find((slot) => slot.index === index && slot.property === property);
}

/** Where a call takes a key: an argument, or a property of an options-object argument. */
interface KeySlot {
  readonly index: number;
  readonly property: string | undefined;
  /** The API as the message names it, e.g. `jwt.sign`, `SignJWT().sign`. */
  readonly api: string;
  readonly envName: string;
  /** A login password (a database, a mail server): its local development defaults are placeholders. */
  readonly login: boolean;
}

/** Every key slot of a call's API, from the cipher catalog and `SECRET_KEY_ARGUMENTS`. */
function keySlotsOf(t: TypeScript, call: ts.CallExpression | ts.NewExpression): KeySlot[] {
  const location = keyApiLocation(t, call);
  if (!location) return [];
  const path = location.path.join('.');
  const slots: KeySlot[] = [];
  const cipher = findCipherApi(location.module, location.path);
  if (cipher)
    slots.push({
      index: cipher.key.index,
      property: cipher.key.property,
      api: path,
      envName: 'ENCRYPTION_KEY',
      login: false,
    });
  for (const k of SECRET_KEY_ARGUMENTS) {
    if (k.module !== location.module || k.path !== path) continue;
    slots.push({
      index: k.index,
      property: k.property,
      api: path.replace('#', '().') || location.module,
      envName: k.envName,
      login: k.login ?? false,
    });
  }
  return slots;
}

/**
 * Where a call's callee comes from, for the key catalogs: the import it resolves to
 * (`apiLocationOf`); for a method of an instance the chain constructs (`new SignJWT(p).sign(key)`)
 * the class's location with `#method`; for `fastify.register(plugin, options)` the plugin's.
 */
function keyApiLocation(t: TypeScript, call: ts.CallExpression | ts.NewExpression): ApiLocation | undefined {
  const direct = apiLocationOf(t, call.expression);
  if (direct) return direct;
  const callee = skipOuterExpressions(t, call.expression);
  if (!t.isPropertyAccessExpression(callee)) return undefined;
  if (callee.name.text === 'register' && t.isCallExpression(call) && call.arguments[0]) {
    const plugin = apiLocationOf(t, call.arguments[0]);
    return plugin && plugin.path.length === 0 ? plugin : undefined;
  }
  // Down the builder chain (`.setProtectedHeader(…).setExpirationTime(…)`) to the instance.
  let receiver = skipOuterExpressions(t, callee.expression);
  for (let hops = 0; hops < 12 && t.isCallExpression(receiver); hops++) {
    const inner = skipOuterExpressions(t, receiver.expression);
    if (!t.isPropertyAccessExpression(inner)) return undefined;
    receiver = skipOuterExpressions(t, inner.expression);
  }
  const constructed = instanceClassLocation(t, receiver);
  if (!constructed) return undefined;
  const path = [...constructed.path];
  path[path.length - 1] = `${path[path.length - 1] ?? ''}#${callee.name.text}`;
  return { module: constructed.module, path };
}

/**
 * The class an instance is of, found lexically: `new SignJWT(…)`, a variable made with `new` or
 * typed with the class (`const app = new Koa()`, `(svc: JwtService)`), or a field of this class
 * (`this.jwtService` of `constructor(private jwtService: JwtService)`).
 */
function instanceClassLocation(t: TypeScript, node: ts.Expression): ApiLocation | undefined {
  const expr = skipOuterExpressions(t, node);
  const typed = (decl: { type?: ts.TypeNode; initializer?: ts.Expression }): ApiLocation | undefined => {
    const init = decl.initializer && skipOuterExpressions(t, decl.initializer);
    if (init && t.isNewExpression(init)) return apiLocationOf(t, init.expression);
    const type = decl.type;
    return type && t.isTypeReferenceNode(type) && t.isIdentifier(type.typeName)
      ? apiLocationOf(t, type.typeName)
      : undefined;
  };
  if (t.isNewExpression(expr)) return apiLocationOf(t, expr.expression);
  if (t.isIdentifier(expr)) {
    const decl = resolveIdentifier(t, expr, undefined);
    return decl && (t.isVariableDeclaration(decl) || t.isParameter(decl)) ? typed(decl) : undefined;
  }
  if (!t.isPropertyAccessExpression(expr) || expr.expression.kind !== t.SyntaxKind.ThisKeyword) return undefined;
  let owner: ts.Node | undefined = expr.parent;
  while (owner && !t.isClassLike(owner)) owner = owner.parent;
  if (!owner) return undefined;
  const name = expr.name.text;
  for (const member of owner.members) {
    if (t.isPropertyDeclaration(member) && propertyNameText(t, member.name) === name) return typed(member);
    if (!t.isConstructorDeclaration(member)) continue;
    const parameter = member.parameters.find((p) => t.isIdentifier(p.name) && p.name.text === name);
    if (parameter) return typed(parameter);
  }
  return undefined;
}

/**
 * `app.keys = ['…']` on a Koa application: a property of a library's instance that holds its
 * signing keys (`SECRET_KEY_PROPERTIES`).
 */
function keyAssignmentOf(t: TypeScript, left: ts.Expression): { api: string; envName: string } | undefined {
  const target = skipOuterExpressions(t, left);
  if (!t.isPropertyAccessExpression(target)) return undefined;
  const property = target.name.text;
  const candidates = SECRET_KEY_PROPERTIES.filter((k) => k.property === property);
  if (candidates.length === 0) return undefined;
  const owner = instanceClassLocation(t, target.expression);
  const known = owner && candidates.find((k) => k.module === owner.module && k.path === owner.path.join('.'));
  return known && { api: `${owner!.module}${known.path ? `.${known.path}` : ''} ${property}`, envName: known.envName };
}

/**
 * The string literal a key argument holds through `const` bindings, fields of `const` object
 * literals (with a checker, in any module) and byte conversions: `jwt.sign(p, JWT_SECRET)`,
 * `session({ secret: config.session.secret })`, `jwtVerify(t, new TextEncoder().encode(SECRET))`.
 */
function keyLiteralOf(
  t: TypeScript,
  node: ts.Expression,
  checker: ts.TypeChecker | undefined,
  depth = 0,
): ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | undefined {
  if (depth > 6) return undefined;
  const expr = skipOuterExpressions(t, node);
  if (t.isStringLiteral(expr) || t.isNoSubstitutionTemplateLiteral(expr)) return expr;
  if (t.isCallExpression(expr) && expr.arguments[0] && isByteConversion(t, expr))
    return keyLiteralOf(t, expr.arguments[0], checker, depth + 1);
  const inner = constValueBehind(t, expr, checker, depth);
  return inner && keyLiteralOf(t, inner, checker, depth + 1);
}

/** What a `const` name or a field of a `const` object was written with, one step back. */
function constValueBehind(
  t: TypeScript,
  expr: ts.Expression,
  checker: ts.TypeChecker | undefined,
  depth: number,
): ts.Expression | undefined {
  if (t.isIdentifier(expr)) return constInitializer(t, resolveIdentifier(t, expr, checker));
  return t.isPropertyAccessExpression(expr) ? constFieldValue(t, expr, checker, depth) : undefined;
}

/** The object literal an expression is: directly, through a `const`, or as a field of one. */
function constObjectOf(
  t: TypeScript,
  node: ts.Expression,
  checker: ts.TypeChecker | undefined,
  depth: number,
): ts.ObjectLiteralExpression | undefined {
  if (depth > 6) return undefined;
  const expr = skipOuterExpressions(t, node);
  if (t.isObjectLiteralExpression(expr)) return expr;
  const inner = constValueBehind(t, expr, checker, depth);
  return inner && constObjectOf(t, inner, checker, depth + 1);
}

/**
 * The value a field read (`config.jwtSecret`) was written with: with a checker, the property's
 * declaration in an object literal (in any module); else the field of a `const` object literal.
 */
function constFieldValue(
  t: TypeScript,
  access: ts.PropertyAccessExpression,
  checker: ts.TypeChecker | undefined,
  depth: number,
): ts.Expression | undefined {
  if (checker) {
    let decl: ts.Declaration | undefined;
    try {
      const symbol = checker.getSymbolAtLocation(access.name);
      decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    } catch {
      decl = undefined;
    }
    if (decl && t.isPropertyAssignment(decl)) return decl.initializer;
    if (decl && t.isShorthandPropertyAssignment(decl)) return decl.name;
  }
  const object = constObjectOf(t, access.expression, checker, depth + 1);
  const property = object?.properties.find((p) => p.name && propertyNameText(t, p.name) === access.name.text);
  if (property && t.isPropertyAssignment(property)) return property.initializer;
  if (property && t.isShorthandPropertyAssignment(property)) return property.name;
  return undefined;
}

/** A literal found to be the key of an API, and the expression of the call that takes it. */
interface ReachedKey {
  readonly literal: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;
  readonly slot: KeySlot;
  /** What the call passes (a name, a field read), where a literal of another module is reported. */
  readonly passed: ts.Expression;
}

/**
 * The literals this call's key slots receive through names (`jwt.sign(p, JWT_SECRET)`,
 * `session(sessionConfig)`); literals written in the call itself are the literal visit's.
 */
function keysReachingCall(
  t: TypeScript,
  call: ts.CallExpression | ts.NewExpression,
  checker: ts.TypeChecker | undefined,
): ReachedKey[] {
  const args = call.arguments ?? [];
  // Most calls pass no name and no object: nothing to resolve.
  if (!args.some((a) => !t.isStringLiteralLike(a) && !t.isNumericLiteral(a))) return [];
  const reached: ReachedKey[] = [];
  for (const slot of keySlotsOf(t, call)) {
    const arg = args[slot.index];
    if (!arg) continue;
    let passed: ts.Expression | undefined = arg;
    if (slot.property !== undefined) {
      // `auth.pass` of `createTransport({ auth: { user, pass } })`: one object per segment.
      let object = constObjectOf(t, arg, checker, 0);
      let written = object === skipOuterExpressions(t, arg);
      const segments = slot.property.split('.');
      passed = undefined;
      for (const [i, segment] of segments.entries()) {
        const property = object?.properties.find((p) => p.name && propertyNameText(t, p.name) === segment);
        passed = property && t.isPropertyAssignment(property) ? property.initializer : undefined;
        if (property && t.isShorthandPropertyAssignment(property)) passed = property.name;
        if (!passed || i === segments.length - 1) break;
        object = constObjectOf(t, passed, checker, 0);
        written &&= object === skipOuterExpressions(t, passed);
      }
      // `session({ secret: '…' })` written in the call: the literal visit reports it.
      if (passed && written && t.isStringLiteralLike(skipOuterExpressions(t, passed))) continue;
    } else if (t.isStringLiteralLike(skipOuterExpressions(t, arg))) {
      continue;
    }
    const literal = passed && keyLiteralOf(t, passed, checker);
    if (literal && passed) reached.push({ literal, slot, passed });
  }
  return reached;
}

/** `session({ secret: '…' })`: the literal is a key property of an options argument. */
function keyPropertyOf(t: TypeScript, property: ts.PropertyAssignment): KeySlot | undefined {
  const key = propertyNameText(t, property.name);
  if (key === undefined) return undefined;
  let object = property.parent;
  const path = [key];
  // Up through nested options (`{ auth: { pass } }`, `{ connection: { password } }`) to the call.
  while (object.parent && t.isPropertyAssignment(object.parent) && path.length < 3) {
    const holder = propertyNameText(t, object.parent.name);
    if (holder === undefined || !t.isObjectLiteralExpression(object.parent.parent)) return undefined;
    path.unshift(holder);
    object = object.parent.parent;
  }
  const call = object.parent;
  if (!call) return undefined;
  if (!(t.isCallExpression(call) || t.isNewExpression(call)))
    return path.length === 1 ? keyOptionOf(t, object, key) : undefined;
  const index = call.arguments?.indexOf(object) ?? -1;
  return index < 0 ? undefined : keyArgumentOf(t, call, index, path.join('.'));
}

/**
 * `const authOptions: NextAuthOptions = { secret: '…' }`, `{ password: '…' } satisfies SessionOptions`:
 * the key property of an options object whose written type is one of `SECRET_KEY_OPTION_TYPES`.
 */
function keyOptionOf(t: TypeScript, object: ts.ObjectLiteralExpression, key: string): KeySlot | undefined {
  let node: ts.Node = object;
  let type: ts.TypeNode | undefined;
  for (let hops = 0; hops < 4 && node.parent && !type; hops++) {
    const parent: ts.Node = node.parent;
    if (t.isSatisfiesExpression(parent) || t.isAsExpression(parent)) type = parent.type;
    else if (t.isVariableDeclaration(parent) && parent.initializer === node) type = parent.type;
    else if (!t.isParenthesizedExpression(parent)) break;
    node = parent;
  }
  if (!type || !t.isTypeReferenceNode(type)) return undefined;
  const typeName = t.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
  const known = SECRET_KEY_OPTION_TYPES.find((o) => o.typeName === typeName && o.properties.includes(key));
  return known && { index: 0, property: key, api: typeName, envName: known.envName, login: false };
}

/** The scheme in front of an `Authorization` header's credential. */
const AUTH_SCHEME = /^(Bearer|Basic|Token|token|Digest|Bot|ApiKey|Key)\s+/;
/** Kinds whose comparison with a literal is a hard-coded credential; `token` and `session` values are often enums. */
const COMPARED_KINDS: ReadonlySet<string> = new Set([
  'password',
  'api-key',
  'client-secret',
  'secret',
  'credential',
  'signing-key',
  'private-key',
]);
/**
 * Kinds whose made-up phrases are secrets: what a person invents for a signing or session secret, a
 * password or a client secret. Not `token`, `session`, `authorization` or `api-key`, whose values
 * in code are mostly field, header and grant names (`refresh_token`, `x-api-key`).
 */
const PHRASE_KINDS: ReadonlySet<string> = new Set([
  'password',
  'secret',
  'signing-key',
  'client-secret',
  'private-key',
]);
/** Last words that make any credential name a secret someone chose: `sessionSecret`, `SESSION_KEY`. */
const PHRASE_HOLDER_WORDS: ReadonlySet<string> = new Set(['secret', 'password', 'passphrase', 'key']);

/** `{ JWT_SECRET: 'dev', ...process.env }`: a default the environment is spread over, no-env-fallback's finding. */
function isSpreadEnvDefault(t: TypeScript, literal: ts.Node, checker: ts.TypeChecker | undefined): boolean {
  const property = literal.parent;
  const object = property && t.isPropertyAssignment(property) ? property.parent : undefined;
  if (!object) return false;
  const holder = object.parent && t.isCallExpression(object.parent) ? object.parent : object;
  return envSpreadDefaults(t, holder, checker).some((site) => site.fallback === literal);
}

/** A phrase someone made up as a secret, not the name of one (`session_secret_key`, a field name). */
function isMadeUpPhrase(value: string): boolean {
  return looksLikeSecretPhrase(value) && !(splitWords(value).length <= 3 && classifyName(value).isSecret);
}

/** Whether a made-up phrase under this name is a secret: see `PHRASE_KINDS`. */
function holdsPhrase(name: string, kind: string | undefined): boolean {
  if (kind !== undefined && PHRASE_KINDS.has(kind)) return true;
  const words = splitWords(name.split('.').pop() ?? name);
  return kind === 'session' && PHRASE_HOLDER_WORDS.has(words[words.length - 1] ?? '');
}
/** Distinct literals under one name from which the name is a state or an enum, not a credential. */
const MANY_VALUES = 3;

/**
 * The name a literal value ends up under: climbs through wrappers, conditionals, `||`/`??`
 * fallbacks and array literals to the variable, property, parameter, attribute or setter call that
 * receives it. `'env-fallback'` when the literal is the default of an environment read.
 */
function secretTarget(
  t: TypeScript,
  literal: ts.Expression,
  checker: ts.TypeChecker | undefined,
): SecretTarget | 'env-fallback' | undefined {
  let node: ts.Node = literal;
  for (;;) {
    const parent: ts.Node | undefined = node.parent;
    if (!parent) return undefined;
    if (
      t.isParenthesizedExpression(parent) ||
      t.isAsExpression(parent) ||
      t.isSatisfiesExpression(parent) ||
      t.isNonNullExpression(parent) ||
      t.isTypeAssertionExpression(parent) ||
      t.isArrayLiteralExpression(parent) ||
      (t.isConditionalExpression(parent) && parent.condition !== node)
    ) {
      node = parent;
      continue;
    }
    if (t.isBinaryExpression(parent) && isFallbackOperator(t, parent.operatorToken.kind) && parent.right === node) {
      if (envReadOf(t, parent.left, checker)) return 'env-fallback';
      node = parent;
      continue;
    }
    // `Buffer.from('9f86…', 'hex')`: the bytes are the same secret.
    if (t.isCallExpression(parent) && parent.arguments[0] === node && isByteConversion(t, parent)) {
      node = parent;
      continue;
    }
    break;
  }
  const parent = node.parent;
  if (t.isVariableDeclaration(parent) || t.isParameter(parent) || t.isBindingElement(parent)) {
    if (parent.initializer !== node) return undefined;
    if (t.isBindingElement(parent) && envBindingRead(t, parent, checker)) return 'env-fallback';
    if (t.isIdentifier(parent.name)) return { name: parent.name.text };
    return undefined;
  }
  if (t.isPropertyDeclaration(parent) && parent.initializer === node) return { name: propertyNameText(t, parent.name) };
  if (t.isPropertyAssignment(parent) && parent.initializer === node) {
    const keyApi = keyPropertyOf(t, parent);
    return keyApi ? { name: keyApi.envName, keyApi: keyApi.api, login: keyApi.login } : { name: objectPath(t, parent) };
  }
  if (t.isJsxAttribute(parent)) return { name: t.isIdentifier(parent.name) ? parent.name.text : undefined };
  if (t.isBinaryExpression(parent) && parent.right === node) {
    const kind = parent.operatorToken.kind;
    if (kind === t.SyntaxKind.EqualsToken) {
      const keyApi = keyAssignmentOf(t, parent.left);
      return keyApi ? { name: keyApi.envName, keyApi: keyApi.api } : { name: pathName(t, parent.left) };
    }
    if (isEqualityOperator(t, kind)) return { name: pathName(t, parent.left), compared: true };
  }
  if (t.isBinaryExpression(parent) && parent.left === node && isEqualityOperator(t, parent.operatorToken.kind)) {
    return { name: pathName(t, parent.right), compared: true };
  }
  if ((t.isCallExpression(parent) || t.isNewExpression(parent)) && parent.arguments?.includes(node as ts.Expression)) {
    const keyApi = keyArgumentOf(t, parent, parent.arguments.indexOf(node as ts.Expression));
    if (keyApi) return { name: keyApi.envName, keyApi: keyApi.api, login: keyApi.login };
  }
  if (
    t.isCallExpression(parent) &&
    parent.arguments[1] === node &&
    parent.arguments.length <= 3 &&
    isSetterName(calleeName(t, parent.expression))
  ) {
    // `headers.set('X-Api-Key', '…')`, `config.set('clientSecret', '…')`: the first argument names the value.
    const first = parent.arguments[0];
    const key = first ? staticString(t, first) : undefined;
    return key === undefined ? undefined : { name: key };
  }
  return undefined;
}

const BASIC_AUTH_NAME = 'Basic auth credentials';
/** The scheme word of HTTP Basic authentication, in the static text around a `user:password` pair. */
const BASIC_SCHEME = /\bBasic\s*$/;

/**
 * `Buffer.from('user:password')` or `btoa('user:password')` whose encoding is put after `Basic ` in
 * the same expression: a hard-coded Basic auth header.
 */
function isBasicAuthPair(t: TypeScript, literal: ts.Expression): boolean {
  if (!t.isStringLiteralLike(literal) || !/^[^:\s]+:\S+$/.test(literal.text)) return false;
  const call = literal.parent;
  if (!call || !t.isCallExpression(call) || call.arguments[0] !== literal) return false;
  const callee = accessPath(t, call.expression)?.join('.');
  if (callee !== 'Buffer.from' && callee !== 'btoa') return false;
  // Climb the encoding chain (`.toString('base64')`) to a concatenation or template with `Basic `.
  let node: ts.Node = call;
  for (let hops = 0; hops < 6 && node.parent; hops++) {
    const parent: ts.Node = node.parent;
    if (t.isBinaryExpression(parent) && parent.operatorToken.kind === t.SyntaxKind.PlusToken) {
      const other = parent.left === node ? parent.right : parent.left;
      const text = staticString(t, other);
      return text !== undefined && BASIC_SCHEME.test(text);
    }
    if (t.isTemplateSpan(parent)) {
      const template = parent.parent;
      const index = template.templateSpans.indexOf(parent);
      const before = index === 0 ? template.head.text : template.templateSpans[index - 1]!.literal.text;
      return BASIC_SCHEME.test(before);
    }
    node = parent;
  }
  return false;
}

/** Calls that convert a string to bytes without changing what it is. */
const BYTE_CONVERSIONS = new Set(['Buffer.from', 'hexToBytes', 'utf8ToBytes', 'base64ToBytes', 'decodeHex', 'fromHex']);

/** `Buffer.from(x)`, `hexToBytes(x)`, `new TextEncoder().encode(x)`: the bytes of the string given. */
function isByteConversion(t: TypeScript, call: ts.CallExpression): boolean {
  if (BYTE_CONVERSIONS.has(accessPath(t, call.expression)?.join('.') ?? '')) return true;
  const callee = skipOuterExpressions(t, call.expression);
  if (!t.isPropertyAccessExpression(callee) || callee.name.text !== 'encode') return false;
  const encoder = skipOuterExpressions(t, callee.expression);
  if (t.isNewExpression(encoder))
    return t.isIdentifier(encoder.expression) && encoder.expression.text === 'TextEncoder';
  return t.isIdentifier(encoder) && /encoder$/i.test(encoder.text);
}
/** Methods that store a named value: `set`, `setHeader`, `append`, `header`, `put`, `setItem`. */
const SETTER = /^(set[A-Z]?\w*|append|header|put|define|register)$/;

function isSetterName(name: string | undefined): boolean {
  return name !== undefined && SETTER.test(name);
}

/**
 * A property's name with the object path above it: `redis.url` in `const redis = { url: '…' }`,
 * `db.auth.password` in `{ db: { auth: { password } } }`; the classifier reads paths by their subject.
 */
function objectPath(t: TypeScript, property: ts.PropertyAssignment): string | undefined {
  const key = propertyNameText(t, property.name);
  if (key === undefined) return undefined;
  const names = [key];
  let object: ts.Node | undefined = property.parent;
  while (object && t.isObjectLiteralExpression(object) && names.length < 4) {
    const holder: ts.Node | undefined = object.parent;
    const name =
      holder && t.isPropertyAssignment(holder)
        ? propertyNameText(t, holder.name)
        : holder && t.isVariableDeclaration(holder) && t.isIdentifier(holder.name)
          ? holder.name.text
          : undefined;
    if (name === undefined) break;
    names.unshift(name);
    object = holder && t.isPropertyAssignment(holder) ? holder.parent : undefined;
  }
  return names.join('.');
}

function pathName(t: TypeScript, expr: ts.Expression): string | undefined {
  return accessPath(t, expr)?.join('.');
}

function isFallbackOperator(t: TypeScript, kind: ts.SyntaxKind): boolean {
  return kind === t.SyntaxKind.BarBarToken || kind === t.SyntaxKind.QuestionQuestionToken;
}

function isEqualityOperator(t: TypeScript, kind: ts.SyntaxKind): boolean {
  return (
    kind === t.SyntaxKind.EqualsEqualsEqualsToken ||
    kind === t.SyntaxKind.EqualsEqualsToken ||
    kind === t.SyntaxKind.ExclamationEqualsEqualsToken ||
    kind === t.SyntaxKind.ExclamationEqualsToken
  );
}

/** `process.env.NAME`, in braces where the literal is a JSX attribute value. */
function envReadText(t: TypeScript, literal: ts.Node, envName: string): string {
  const read = `process.env.${envName}`;
  return literal.parent && t.isJsxAttribute(literal.parent) ? `{${read}}` : read;
}

/** `stripeSecretKey` -> `STRIPE_SECRET_KEY`; `config.db.password` -> `PASSWORD`. */
function envVarName(name: string): string | undefined {
  const words = splitWords(name.split('.').pop() ?? name);
  return words.length > 0 ? words.join('_').toUpperCase() : undefined;
}
