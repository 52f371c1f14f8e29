import type * as ts from 'typescript';
import {
  accessPath,
  enclosingFunctionOrFile,
  forEachDescendant,
  skipOuterExpressions,
  staticString,
} from '../ast/index.js';
import { CREDENTIAL_HEADERS, REQUEST_RECEIVERS } from '../catalogs/sources.js';
import { classifyName, splitWords, type NameClassification } from '../names/index.js';
import { bindingElementSource, declarationOf, expandedPath, rootIdentifier } from './aliases.js';
import type { FlowContext } from './context.js';
import { COMPUTED_HEADER_KIND, valueSources } from './values.js';
import { sourceOfNamedAccessor, type SecretSource } from './sources.js';

/**
 * How strongly a secret source is shown to hold a secret, for a check's confidence:
 * - `value`: the value itself is seen to be secret (an env secret, a request credential header or
 *   cookie, a decrypted or revealed value, a function seen to return one).
 * - `credential-name`: a name only, but one that names a credential without doubt (`sessionToken`,
 *   `apiKey`, `password`, `clientSecret`), or a secret-named field the requester sent
 *   (`req.body.token`, a handler's `input.token`).
 * - `name`: a name that often names something else: an id (`sessionId`), an abbreviation (`pass`,
 *   `pwd`, `pin`), a key whose qualifier is
 *   vague (`serviceKey`, `authKeys`), a function's name (`password(value)` may be a validator), or an
 *   object handed over whole because its type has a secret-named field.
 */
export type SourceEvidence = 'value' | 'credential-name' | 'name';

/** Single words that are too short or too common to name a credential on their own. */
const AMBIGUOUS_WORDS: ReadonlySet<string> = new Set(['pass', 'pw', 'pwd', 'pin']);

/** Qualifiers of `key` that name many things besides an API key (`serviceKey` is often a module name). */
const VAGUE_KEY_QUALIFIERS: ReadonlySet<string> = new Set([
  'service',
  'auth',
  'app',
  'application',
  'account',
  'access',
  'data',
  'session',
  'client',
  'admin',
  // `credentialKey` is as often the name of a field of a credentials object (`for (const key in credentials)`).
  'credential',
  // `rootKey` names a tree's root (a config node's key) as often as a master key.
  'root',
]);

/** Parameter names that hold what a caller of a request handler sent (tRPC's `({ input })`). */
const HANDLER_INPUTS: ReadonlySet<string> = new Set(['input']);

const REQUEST_SET: ReadonlySet<string> = new Set(REQUEST_RECEIVERS);

export function sourceEvidence(ctx: FlowContext, source: SecretSource): SourceEvidence {
  const t = ctx.ts;
  if (source.reason !== 'name') return 'value';
  // `req.headers[name.toLowerCase()]`: one header of a name nobody can see; it may be a request id.
  if (source.kind === COMPUTED_HEADER_KIND) return 'name';
  if (t.isCallExpression(source.node)) {
    // `req.get('Authorization')`, `config.get('JWT_SECRET')`: the key read says what the value is.
    const accessor = sourceOfNamedAccessor(t, source.node, { classifier: ctx.classifier });
    const key = accessor ? staticString(t, source.node.arguments[0]!) : undefined;
    if (key === undefined) return 'name'; // `password(value)`: a function's name alone; it may check or format one
    if (CREDENTIAL_HEADERS.includes(key.toLowerCase())) return 'value';
    return isCredentialName(classifyName(key, ctx.classifier)) ? 'credential-name' : 'name';
  }
  // The display name's last word is the name that decided: `res.sessionToken`, `creds.apiKey` (a
  // field of the object's type), `req.body` (a login body: the body itself is not so named).
  const name = /([A-Za-z_$][\w$]*)[^\w$]*$/.exec(source.name)?.[1];
  const c = name === undefined ? undefined : classifyName(name, ctx.classifier);
  // `req.body.overrideConfig.sessionId`: an id the requester chose names the record it wants (a chat,
  // a thread); a session credential comes in a cookie or a header, whose reads are value evidence.
  if (isRequestBorne(ctx, source.node)) return c?.matched[c.matched.length - 1] === 'id' ? 'name' : 'credential-name';
  if (!c?.isSecret) return 'name';
  if (isCredentialName(c)) return 'credential-name';
  // `const [user, pass] = decodedAuthorization.split(':')`: the name is vague, the value is not.
  return valueBehind(ctx, source.node) ? 'value' : 'name';
}

/** What an ambiguously named variable or binding was initialized with carries a secret seen as such. */
function valueBehind(ctx: FlowContext, node: ts.Node): boolean {
  const t = ctx.ts;
  const decl = t.isIdentifier(node) ? declarationOf(ctx, node) : t.isBindingElement(node) ? node : undefined;
  if (!decl) return false;
  const init = t.isBindingElement(decl)
    ? bindingElementSource(ctx, decl)
    : t.isVariableDeclaration(decl)
      ? decl.initializer
      : undefined;
  return init !== undefined && valueSources(ctx, init).some((f) => f.source.reason !== 'name');
}

/** A secret name that names a credential without doubt (see `SourceEvidence`). */
export function isCredentialName(c: NameClassification): boolean {
  if (!c.isSecret) return false;
  const m = c.matched;
  const last = m[m.length - 1];
  if (last === undefined || last === 'id') return false;
  if (m.length === 1 && AMBIGUOUS_WORDS.has(last)) return false;
  if (last === 'key' && (m.length < 2 || VAGUE_KEY_QUALIFIERS.has(m[m.length - 2]!))) return false;
  return true;
}

/**
 * A value the requester sent: read off a request object (`request.sessionToken`, `req.body.token`)
 * or destructured from a handler's `input` parameter (`async ({ input }) => { const { token } = input }`).
 */
function isRequestBorne(ctx: FlowContext, node: ts.Node): boolean {
  const t = ctx.ts;
  let from: ts.Expression | undefined;
  if (t.isPropertyAccessExpression(node) || t.isElementAccessExpression(node)) from = node.expression;
  else if (t.isBindingElement(node)) from = bindingElementSource(ctx, node);
  if (!from) return false;
  const path = expandedPath(ctx, skipOuterExpressions(t, from));
  const first = path?.[0];
  if (first !== undefined && REQUEST_SET.has(first)) return true;
  const root = rootIdentifier(ctx, from);
  return root !== undefined && HANDLER_INPUTS.has(root.text) && isParameterBound(ctx, root);
}

/** True when the identifier is declared by a function parameter, directly or destructured. */
function isParameterBound(ctx: FlowContext, id: ts.Identifier): boolean {
  const t = ctx.ts;
  let decl: ts.Node | undefined = declarationOf(ctx, id);
  while (decl && t.isBindingElement(decl)) decl = decl.parent.parent;
  return decl !== undefined && t.isParameter(decl);
}

/** Words of what a domain's owner publishes in its DNS: a TXT record that proves control of the domain. */
const PUBLISHED_WORDS: ReadonlySet<string> = new Set(['domain', 'dns', 'txt']);

/** Words of a token that is a challenge: it proves control of something by being found there. */
const CHALLENGE_WORDS: ReadonlySet<string> = new Set(['verification', 'verify', 'challenge', 'ownership', 'proof']);

/**
 * A domain-ownership challenge: a token its owner publishes in a DNS TXT record, public by design
 * (anyone can query the record), so neither sending it to the owner nor logging it leaks a secret.
 * Named so (`domainVerificationToken`, `dnsChallengeToken`), or a challenge token of a record that is
 * a domain's: `domain.verificationToken`, or `row.verificationToken` after
 * `row = await db.verifiedDomain.findFirst(...)` (the model read names the domain). A DNS provider's
 * credential (`dnsApiToken`, `cloudflareDnsKey`) names no challenge and stays a secret.
 */
export function isPublishedChallenge(ctx: FlowContext, source: SecretSource): boolean {
  const t = ctx.ts;
  const last = /([A-Za-z_$][\w$]*)[^\w$]*$/.exec(source.name)?.[1] ?? source.name;
  const words = splitWords(last);
  if (!words.some((w) => CHALLENGE_WORDS.has(w))) return false;
  if (words.some((w) => PUBLISHED_WORDS.has(w))) return true;
  const node = source.node;
  let receiver: ts.Expression | undefined;
  if (t.isPropertyAccessExpression(node) || t.isElementAccessExpression(node)) receiver = node.expression;
  else if (t.isBindingElement(node)) receiver = bindingElementSource(ctx, node);
  if (!receiver) return false;
  const names = (path: readonly string[] | undefined) =>
    (path ?? []).some((segment) => splitWords(segment).some((w) => PUBLISHED_WORDS.has(w)));
  if (names(accessPath(t, skipOuterExpressions(t, receiver)))) return true;
  const root = rootIdentifier(ctx, receiver);
  const decl = root && declarationOf(ctx, root);
  if (!decl || !t.isVariableDeclaration(decl)) return false;
  return valuesOf(ctx, decl).some((value) => {
    let expr = skipOuterExpressions(t, value);
    if (t.isAwaitExpression(expr)) expr = skipOuterExpressions(t, expr.expression);
    return t.isCallExpression(expr) && names(accessPath(t, expr.expression));
  });
}

/** What a variable is initialized with and assigned (`let row; row = await create(...)`) in its function. */
function valuesOf(ctx: FlowContext, decl: ts.VariableDeclaration): ts.Expression[] {
  const t = ctx.ts;
  const values = decl.initializer ? [decl.initializer] : [];
  if (!t.isIdentifier(decl.name)) return values;
  const name = decl.name.text;
  forEachDescendant(t, enclosingFunctionOrFile(t, decl), (node) => {
    if (
      t.isBinaryExpression(node) &&
      node.operatorToken.kind === t.SyntaxKind.EqualsToken &&
      t.isIdentifier(node.left) &&
      node.left.text === name &&
      declarationOf(ctx, node.left) === decl
    )
      values.push(node.right);
    return undefined;
  });
  return values;
}

/** Words of a value a protocol sends only to have it echoed back: Microsoft Graph's `validationToken`, a `challenge`. */
const ECHOED_CHALLENGE_WORDS: ReadonlySet<string> = new Set(['validation', 'challenge']);

/** Response methods whose first argument is the body sent back: `res.send(x)`, `c.text(x)`, `NextResponse.json(x)`. */
const BODY_METHODS: ReadonlySet<string> = new Set(['send', 'text', 'end', 'json']);

/**
 * A handshake challenge: named as one (`validationToken`, `challenge`), held in a variable that the
 * same function sends back as the response body (`new NextResponse(validationToken)`, `res.send(challenge)`,
 * `res.json({ challenge })`). Microsoft Graph and Slack send such a value to a webhook URL to see it
 * answered: it is random, single-use and already known to both ends, so logging it leaks nothing.
 */
export function isEchoedChallenge(ctx: FlowContext, source: SecretSource): boolean {
  const t = ctx.ts;
  const last = /([A-Za-z_$][\w$]*)[^\w$]*$/.exec(source.name)?.[1] ?? source.name;
  if (!splitWords(last).some((w) => ECHOED_CHALLENGE_WORDS.has(w))) return false;
  // The variable the value is held in: named by the source, or initialized with it.
  const node = source.node;
  const declared = t.isIdentifier(node) ? declarationOf(ctx, node) : undefined;
  const holder =
    declared && (t.isVariableDeclaration(declared) || t.isBindingElement(declared))
      ? declared
      : t.isBindingElement(node)
        ? node
        : node.parent && t.isVariableDeclaration(node.parent) && node.parent.initializer === node
          ? node.parent
          : undefined;
  if (!holder || !t.isIdentifier(holder.name)) return false;
  const name = holder.name.text;
  const isHeld = (expr: ts.Node | undefined): boolean => {
    const e = expr && t.isExpression(expr) ? skipOuterExpressions(t, expr) : expr;
    return e !== undefined && t.isIdentifier(e) && e.text === name && declarationOf(ctx, e) === holder;
  };
  const isBody = (arg: ts.Expression | undefined): boolean => {
    const body = arg && skipOuterExpressions(t, arg);
    if (!body) return false;
    if (isHeld(body)) return true;
    return (
      t.isObjectLiteralExpression(body) &&
      body.properties.some((p) =>
        t.isShorthandPropertyAssignment(p) ? isHeld(p.name) : t.isPropertyAssignment(p) && isHeld(p.initializer),
      )
    );
  };
  return forEachDescendant(t, enclosingFunctionOrFile(t, holder), (n) => {
    if (t.isNewExpression(n)) {
      const ctor = accessPath(t, n.expression)?.join('.');
      if ((ctor === 'Response' || ctor === 'NextResponse') && isBody(n.arguments?.[0])) return 'stop';
    } else if (t.isCallExpression(n) && t.isPropertyAccessExpression(n.expression)) {
      if (BODY_METHODS.has(n.expression.name.text) && isBody(n.arguments[0])) return 'stop';
    }
    return undefined;
  });
}
