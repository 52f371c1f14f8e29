import type * as ts from 'typescript';
import { crossFunctionFlows, crossingSteps, crossingText, type SinkRecognizer } from '../flow/summaries/index.js';
import { defineCheck, type Confidence, type TypeScript } from '../check.js';
import {
  accessPath,
  calleeName,
  enclosingFunctionOrFile,
  forEachDescendant,
  isFunctionLike,
  propertyNameText,
  skipOuterExpressions,
} from '../ast/index.js';
import { DISPLAY_SHORTENED_WORDS, isShortSlice } from '../ast/values.js';
import { REQUEST_RECEIVERS } from '../catalogs/sources.js';
import {
  calledFunction,
  callReturnsNothingSecret,
  createFlowContext,
  declarationOf,
  isPublishedChallenge,
  isRecordReference,
  rootIdentifier,
  valueSources,
  type SecretSource,
  type ValueFlow,
} from '../flow/index.js';
import {
  classifyName,
  splitWords,
  type ClassifierOptions,
  type NameClassification,
  type SecretKind,
} from '../names/index.js';
import { pathText, stripCall } from '../flow/source-names.js';

export interface NoSecretInResponseOptions {
  /** Also report tokens, API keys and session ids read from a stored record (`user.apiKey`). */
  readonly checkStoredTokens: boolean;
  /** Report password hashes (and other hashed secrets) sent to clients. */
  readonly checkHashes: boolean;
  /** Words of a variable that holds a stored record, whose token fields must not be echoed. */
  readonly recordWords: readonly string[];
}

type MessageId = 'secretInResponse' | 'hashInResponse' | 'entityWithSecret';

/** Kinds a client never needs back: whoever reads the response can impersonate the server or the user. */
const NEVER_SENT_KINDS: ReadonlySet<string> = new Set<SecretKind>([
  'password',
  'private-key',
  'client-secret',
  'connection-string',
  'mnemonic',
  'credential',
]);
/** Secret fields of a record an issuing call returns that its caller may see once (not a password or private key). */
const ISSUED_RECORD_KINDS: ReadonlySet<string> = new Set<SecretKind>([
  'client-secret',
  'connection-string',
  'credential',
  'secret',
  'token',
  'api-key',
]);
/** Kinds an endpoint legitimately issues to its caller (login returns a token, "create key" returns the key once). */
const ISSUED_KINDS: ReadonlySet<string> = new Set<SecretKind>([
  'token',
  'api-key',
  'session',
  'cookie',
  'otp',
  'authorization',
  'secret',
  'signing-key',
]);
/**
 * Words of a token that proves control of an e-mail address or phone (`resetToken`,
 * `verificationCode`, `magicLinkToken`): it must reach the user out of band, so returning it to
 * whoever made the request lets anyone reset or verify any account. Invite tokens are absent: an
 * admin copying an invite link is a normal flow.
 */
const OUT_OF_BAND_WORDS = new Set([
  'reset',
  'recovery',
  'verification',
  'verify',
  'confirmation',
  'confirm',
  'magic',
  'activation',
]);
/**
 * Words that make a "verification" token one the requester must see: a domain-ownership token is
 * published by the owner in a DNS TXT record (`domainVerificationToken`), and recovery or backup
 * codes are shown once to the account owner who turns on two-factor sign-in.
 */
const SHOWN_TO_REQUESTER_WORDS = new Set(['domain', 'dns', 'txt', 'code', 'codes', 'backup']);
/**
 * First words of calls that make a credential in the handler (`createSession`, `generateApiKey`,
 * `rotateSecret`, `registerClient`): a credential made for the caller and handed to it once is the
 * endpoint's result (a login, a "create key" or RFC 7591 registration response), not a leak.
 */
const ISSUING_VERBS = new Set([
  'create',
  'generate',
  'issue',
  'rotate',
  'regenerate',
  'register',
  'mint',
  'sign',
  'enable',
  'setup',
  'new',
  'make',
  'reset',
  'refresh',
  'exchange',
  'login',
  'signin',
  'authenticate',
]);
/** Words of a payment flow whose client secret the browser must hold (`paymentIntent`, `setupIntents.create`). */
const INTENT_WORDS = new Set(['intent', 'intents']);
/** Words of a protected form that is still sensitive in a response: a hash can be cracked offline. */
const HASH_WORDS = new Set(['hash', 'hashed', 'digest', 'bcrypt', 'argon2', 'scrypt']);
/** Stored-record nouns: `user.apiKey`, `existingAccount.refreshToken`, `integration.accessToken`. */
const DEFAULT_RECORD_WORDS = [
  'user',
  'account',
  'customer',
  'member',
  'tenant',
  'org',
  'organization',
  'team',
  'profile',
  'record',
  'row',
  'entity',
  'doc',
  'document',
  'integration',
  'connection',
  'installation',
  'owner',
  'admin',
  'me',
  'settings',
  'config',
  'merchant',
  'client',
  'app',
  'application',
  'project',
  'workspace',
  'webhook',
  'subscriber',
  'device',
];
/** First words of calls that read a stored record (`find`, `findOne`, `findUnique`, `getById`, `selectFrom`). */
const READ_VERBS = new Set(['find', 'get', 'load', 'fetch', 'select', 'query', 'read', 'lookup', 'retrieve']);
/** How deep object and array literals of a response body are looked into for whole records (`{ data: { users: [owner] } }`: 3). */
const MAX_BODY_DEPTH = 3;
/** Receivers of Express/Fastify-style response methods. */
const RESPONSE_ROOTS = new Set(['res', 'response', 'reply', 'resp', 'rep']);
const RESPONSE_METHODS = new Set(['json', 'send', 'jsonp', 'end', 'write']);
/** Hono's context: `c.json(x)`, `c.text(x)`. */
const CONTEXT_ROOTS = new Set(['c', 'ctx', 'context']);
const CONTEXT_METHODS = new Set(['json', 'text', 'html', 'body']);
/** NestJS route decorators: a controller method carrying one returns its value to the client. */
const NEST_ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Head', 'Options', 'Search']);
/** Route registration methods of Fastify-style servers. */
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all', 'route']);
const FASTIFY_ROOTS = new Set(['fastify', 'instance']);
/** tRPC procedure builders' terminal methods: `publicProcedure.input(schema).query(({ ctx }) => …)`. */
const TRPC_METHODS = new Set(['query', 'mutation', 'subscription']);
/** GraphQL root types whose resolvers answer the client: `{ Query: { me: () => … } }`. */
const GRAPHQL_ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);
/** NestJS GraphQL / TypeGraphQL resolver method decorators (in a `@Resolver()` class). */
const GRAPHQL_RESOLVER_DECORATORS = new Set(['Query', 'Mutation', 'Subscription', 'ResolveField', 'FieldResolver']);

/**
 * Flags secrets sent to clients: decrypted values, environment secrets, passwords, private and
 * signing keys, password hashes, and tokens or API keys read from stored records, in Express,
 * Fastify, Koa, Hono and Next.js responses, Next.js server actions, NestJS controller returns, tRPC
 * procedures and GraphQL resolvers.
 */
export const noSecretInResponse = defineCheck<NoSecretInResponseOptions, MessageId>({
  id: 'no-secret-in-response',
  meta: {
    type: 'problem',
    description: 'Disallow sending secrets, password hashes and stored credentials to clients in HTTP responses',
    messages: {
      secretInResponse:
        "{{what}} '{{name}}' is sent to the client by {{sink}}: send only what the client needs (mask it, e.g. its last 4 characters).",
      hashInResponse:
        "'{{name}}' is a hash of a secret and is sent to the client by {{sink}}: hashes can be cracked offline; leave it out.",
      entityWithSecret:
        "{{sink}} sends a whole object whose type has '{{property}}': pick the public fields (a DTO or serializer) instead of sending the record.",
    },
    schema: {
      type: 'object',
      properties: {
        checkStoredTokens: {
          type: 'boolean',
          description: 'Also report tokens, API keys and session ids read from a stored record (`user.apiKey`).',
        },
        checkHashes: {
          type: 'boolean',
          description: 'Report password hashes and other hashed secrets sent to clients.',
        },
        recordWords: {
          type: 'array',
          items: { type: 'string' },
          description:
            'Words of a variable that holds a stored record (`user`, `account`), whose token fields must not be echoed.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { checkStoredTokens: true, checkHashes: true, recordWords: DEFAULT_RECORD_WORDS },
    level: 'recommended',
  },
  create(context) {
    const t = context.ts;
    const { options, checker } = context;
    const classifier: ClassifierOptions = context.settings;
    const flow = createFlowContext(t, { checker, settings: context.settings });
    const recordWords = new Set(options.recordWords.map((w) => w.toLowerCase()));
    const fileIsServerActions = hasDirective(t, context.sourceFile.statements, 'use server');
    const reported = new Set<ts.Node>();

    const report = (
      node: ts.Node,
      messageId: MessageId,
      data: Record<string, string>,
      confidence: Confidence = 'high',
    ) => {
      if (reported.has(node)) return;
      reported.add(node);
      context.report({ node, messageId, data, confidence });
    };

    /**
     * Everything wrong with one value that reaches a client. `wholeObjects` false: the transport sends
     * only the fields a schema names (GraphQL), so a record's type alone is no leak.
     */
    const checkValue = (value: ts.Expression, sink: string, wholeObjects = true): void => {
      // `koaGuard({ response: schema })`, Fastify's `{ schema: { response } }`: the body is re-parsed
      // and only the declared fields leave; what a name suggests is then less likely to be sent.
      const filtered = hasResponseSchema(t, value);
      for (const flowItem of valueSources(flow, value)) {
        if (isMasked(t, flowItem.at)) continue;
        // `decryptToken<{ userId: string }>(input.token)`: the claims a sealed token carries, no secret field among them.
        if (flowItem.source.reason === 'decrypt' && isRecordWithoutSecret(flowItem.source.node)) continue;
        const what = leakDescription(flowItem);
        if (!what) continue;
        const confidence = valueConfidence(flowItem);
        report(
          flowItem.at,
          'secretInResponse',
          { what, name: flowItem.source.name, sink },
          filtered && confidence === 'high' && flowItem.source.reason === 'name' ? 'medium' : confidence,
        );
      }
      if (options.checkHashes)
        for (const [node, name] of hashedKeys(value))
          report(node, 'hashInResponse', { name, sink }, filtered ? 'medium' : 'high');
      if (checker && wholeObjects) {
        for (const [node, property] of recordsWithSecret(value))
          report(
            node,
            'entityWithSecret',
            { property, sink },
            isIssuedToCaller(node, property) ? 'low' : filtered ? 'medium' : 'high',
          );
      }
    };

    /**
     * High for a value seen to be secret (decrypted, revealed, from the environment or the request's
     * credentials), for an out-of-band token, and for a field or variable named as a password, private
     * key or client secret, or as a token read from a stored record; low for any other credential made
     * in this handler for its caller; medium for what only a function's name suggests
     * (`buildApplicationResponse()`) (see the rule's docs, "Confidence").
     */
    const valueConfidence = (item: ValueFlow): Confidence => {
      const { source } = item;
      // `getById()` that decrypts a record and overwrites its fields with `REDACTED_VALUE` before returning it.
      if (source.reason !== 'name' && redactsWhatItReturns(source.node)) return 'medium';
      if (source.reason !== 'name' || isRequestAccessor(source.node)) return 'high';
      const called = t.isCallExpression(source.node);
      // A reset or verification token goes to the mailbox or phone, never back to the requester, however fresh.
      if (!called && isOutOfBandToken(source.name)) return 'high';
      const origin = originCall(source);
      if (origin && ISSUING_VERBS.has(splitWords(calleeName(t, origin.expression) ?? '')[0] ?? '')) return 'low';
      // `const credentials = await models.aiCredentials.getAllForFrontEnd()` whose body, in the program,
      // returns nothing secret (provider names and last four characters): only the variable's name is left.
      const made = !called ? resultOfCall(source) : undefined;
      if (made && callReturnsNothingSecret(flow, made.expression)) return 'medium';
      // `const session = await getSessionFromCtx(ctx)`: the requester's own session, which it already
      // holds (a password or private key is never sent back, whoever's it is).
      if (
        origin &&
        !NEVER_SENT_KINDS.has(source.kind) &&
        origin.arguments.some((a) => t.isIdentifier(a) && REQUEST_RECEIVERS.includes(a.text))
      )
        return 'medium';
      return called ? 'medium' : 'high';
    };

    /**
     * A call whose body (in the program) writes a redaction marker into a member of what it builds
     * (`plainDataObj[key] = REDACTED_CREDENTIAL_VALUE`, `masked.headers = redactedHeaders`,
     * `copy.secret = '********'`): what it returns was decrypted and then redacted, which only a
     * reader can tell apart from partly redacted.
     */
    const redactsWhatItReturns = (node: ts.Node): boolean => {
      if (!t.isCallExpression(node)) return false;
      const fn = calledFunction(flow, node.expression);
      if (!fn?.body) return false;
      return (
        forEachDescendant(t, fn.body, (child) => {
          if (
            !t.isBinaryExpression(child) ||
            child.operatorToken.kind !== t.SyntaxKind.EqualsToken ||
            !(t.isPropertyAccessExpression(child.left) || t.isElementAccessExpression(child.left))
          )
            return undefined;
          return isRedactionMarker(t, child.right) ? 'stop' : undefined;
        }) === true
      );
    };

    /**
     * What an issuing call returned (`return this.oauth.rotateSecret(org.id)`, `const app = await
     * createApp(dto); return app`) whose secret field is the credential just made for the caller: a
     * rotated client secret or a new database connection is shown to its owner once, as a value
     * (`valueConfidence`) is. A password, private key or hash in it stays high.
     */
    const isIssuedToCaller = (node: ts.Node, property: string): boolean => {
      const c = classifyName(property, classifier);
      if (isHashOfSecret(c) || (c.kind !== undefined && !ISSUED_RECORD_KINDS.has(c.kind))) return false;
      let expr = skipOuterExpressions(t, node as ts.Expression);
      if (t.isIdentifier(expr)) {
        const decl = declarationOf(flow, expr);
        if (!decl || !t.isVariableDeclaration(decl) || !decl.initializer) return false;
        expr = skipOuterExpressions(t, decl.initializer);
      }
      if (t.isAwaitExpression(expr)) expr = skipOuterExpressions(t, expr.expression);
      return t.isCallExpression(expr) && ISSUING_VERBS.has(splitWords(calleeName(t, expr.expression) ?? '')[0] ?? '');
    };

    /**
     * The call a credential comes out of, followed through variables, destructuring and member reads:
     * `createSession(user)` for `session.token` after `const session = await createSession(user)`,
     * `registerClient(body)` for `const { clientSecret } = await registerClient(body)`.
     */
    const originCall = (source: SecretSource): ts.CallExpression | undefined => {
      let node: ts.Node = source.node;
      for (let hops = 0; hops < 4; hops++) {
        if (t.isIdentifier(node)) {
          const decl = declarationOf(flow, node);
          if (!decl || (!t.isVariableDeclaration(decl) && !t.isBindingElement(decl))) return undefined;
          node = decl;
        }
        if (t.isBindingElement(node)) {
          const owner = node.parent.parent;
          if (!(t.isVariableDeclaration(owner) || t.isParameter(owner)) || !owner.initializer) return undefined;
          // `const [credentials, settings] = await Promise.all([loadCredentials(), loadSettings()])`.
          const element = t.isArrayBindingPattern(node.parent) ? parallelElement(owner.initializer, node) : undefined;
          if (element) {
            node = element;
            continue;
          }
          node = owner.initializer;
        } else if (t.isVariableDeclaration(node)) {
          if (!node.initializer) return undefined;
          node = node.initializer;
        }
        const expr = skipOuterExpressions(t, node as ts.Expression);
        const inner = madeOrNothing(t, t.isAwaitExpression(expr) ? skipOuterExpressions(t, expr.expression) : expr);
        if (t.isCallExpression(inner)) return inner;
        if (t.isPropertyAccessExpression(inner) || t.isElementAccessExpression(inner)) {
          node = rootIdentifier(flow, inner) ?? inner.expression;
          continue;
        }
        if (!t.isIdentifier(inner)) return undefined;
        node = inner;
      }
      return undefined;
    };

    /**
     * The call whose whole result a secret-named variable holds (`const credentials = await load()`,
     * `const [credentials] = await Promise.all([load(), …])`); not a field read off a record.
     */
    const resultOfCall = (source: SecretSource): ts.CallExpression | undefined => {
      let node: ts.Node | undefined = source.node;
      if (t.isIdentifier(node)) node = declarationOf(flow, node);
      let value: ts.Expression | undefined;
      if (node && t.isVariableDeclaration(node) && t.isIdentifier(node.name)) value = node.initializer;
      else if (node && t.isBindingElement(node) && t.isArrayBindingPattern(node.parent)) {
        const owner = node.parent.parent;
        value =
          t.isVariableDeclaration(owner) && owner.initializer ? parallelElement(owner.initializer, node) : undefined;
      }
      let expr = value && skipOuterExpressions(t, value);
      if (expr && t.isAwaitExpression(expr)) expr = skipOuterExpressions(t, expr.expression);
      return expr && t.isCallExpression(expr) ? expr : undefined;
    };

    /** The array element of `await Promise.all([a(), b()])` that an array binding's element receives. */
    const parallelElement = (initializer: ts.Expression, element: ts.BindingElement): ts.Expression | undefined => {
      let expr = skipOuterExpressions(t, initializer);
      if (t.isAwaitExpression(expr)) expr = skipOuterExpressions(t, expr.expression);
      if (!t.isCallExpression(expr) || accessPath(t, expr.expression)?.join('.') !== 'Promise.all') return undefined;
      const list = expr.arguments[0] && skipOuterExpressions(t, expr.arguments[0]);
      if (!list || !t.isArrayLiteralExpression(list)) return undefined;
      const index = (element.parent as ts.ArrayBindingPattern).elements.indexOf(element);
      const item = list.elements[index];
      return item && !t.isSpreadElement(item) ? item : undefined;
    };

    /** Why a flow's secret must not reach the client, as the message's first words; undefined when it may. */
    const leakDescription = (item: ValueFlow): string | undefined => {
      const { source } = item;
      // `store.load(blob)` whose body (maybe in another module) returns `decrypt(blob)`: the same value.
      const returned = source.reason === 'returns-secret' ? source.kind : undefined;
      if (source.reason === 'decrypt' || returned === 'decrypted value') return 'The decrypted value';
      if (source.reason === 'reveal' || returned === 'revealed secret') return 'The revealed secret';
      if (source.reason === 'env') return 'The environment secret';
      if (source.reason === 'header' || source.reason === 'cookie' || isRequestAccessor(source.node))
        return 'The request credential';
      if (source.kind === 'client-secret' && isPaymentIntentSecret(item)) return undefined;
      if (NEVER_SENT_KINDS.has(source.kind)) return `The ${source.kind.replace('-', ' ')}`;
      if (!ISSUED_KINDS.has(source.kind)) return undefined;
      // A domain-ownership challenge is published in DNS by the owner who asks for it.
      if (isPublishedChallenge(flow, source)) return undefined;
      if (isOutOfBandToken(source.name)) return `The out-of-band ${source.kind.replace('-', ' ')}`;
      if (!options.checkStoredTokens) return undefined;
      return readFromRecord(item) ? `The stored ${source.kind.replace('-', ' ')}` : undefined;
    };

    /**
     * The client secret of a payment or setup intent (`paymentIntent.client_secret`, `clientSecret` of
     * what `createSetupIntent()` returned, or sent by a handler named for an intent): Stripe's documented
     * flow hands it to the paying browser, which confirms the payment with it and the publishable key;
     * it cannot charge, refund or read anything else.
     */
    const isPaymentIntentSecret = (item: ValueFlow): boolean => {
      const names = [item.source.name];
      const origin = originCall(item.source);
      if (origin) names.push(accessPath(t, origin.expression)?.join('.') ?? '');
      for (let node: ts.Node | undefined = item.at; node && !t.isSourceFile(node); node = node.parent) {
        if (isFunctionLike(t, node) && node.name && t.isIdentifier(node.name)) names.push(node.name.text);
        if (t.isVariableDeclaration(node) && t.isIdentifier(node.name)) names.push(node.name.text);
      }
      return names.some((name) =>
        name.split('.').some((part) => splitWords(stripCall(part)).some((w) => INTENT_WORDS.has(w))),
      );
    };

    /** `resetToken`, `emailVerificationCode`: a token only the account's mailbox or phone may see. */
    const isOutOfBandToken = (name: string): boolean => {
      const last = name.split('.').pop() ?? name;
      const words = splitWords(stripCall(last));
      return words.some((w) => OUT_OF_BAND_WORDS.has(w)) && !words.some((w) => SHOWN_TO_REQUESTER_WORDS.has(w));
    };

    /** `req.get('authorization')`, `c.req.header('x-api-key')`: a credential the client sent. */
    const isRequestAccessor = (node: ts.Node): boolean => {
      if (!t.isCallExpression(node) || !t.isPropertyAccessExpression(node.expression)) return false;
      const receiver = accessPath(t, node.expression.expression);
      if (!receiver || receiver.length === 0) return false;
      // The method is the request's own (`req.get`, `c.req.header`) or its headers' or cookies'
      // (`request.headers.get`): `context.models.sessionReplays.getBySessionId()` reads a store.
      const owner = receiver[receiver.length - 1]!;
      const isRequest = (segment: string) =>
        REQUEST_RECEIVERS.includes(segment) && segment !== 'c' && segment !== 'ctx';
      return (
        isRequest(owner) ||
        ((owner === 'headers' || owner === 'cookies') &&
          receiver.slice(0, -1).some((s) => REQUEST_RECEIVERS.includes(s)))
      );
    };

    /** `user.apiKey`, `const { apiKey } = account`: a token field of a stored record, not one just issued. */
    const readFromRecord = (item: ValueFlow): boolean => {
      let node = item.source.node;
      // `refreshToken` after `const { refreshToken } = account`: judge the destructuring.
      if (t.isIdentifier(node)) node = declarationOf(flow, node) ?? node;
      let receiver: ts.Expression | undefined;
      if (t.isPropertyAccessExpression(node) || t.isElementAccessExpression(node)) receiver = node.expression;
      else if (t.isBindingElement(node)) {
        const owner = node.parent.parent;
        receiver =
          (t.isVariableDeclaration(owner) || t.isParameter(owner)) && owner.initializer ? owner.initializer : undefined;
      }
      if (!receiver) return false;
      const root = rootIdentifier(flow, receiver);
      if (root && isReadFromStore(root)) return true;
      const name =
        root?.text ??
        (receiver.kind === t.SyntaxKind.ThisKeyword ? undefined : accessPath(t, receiver)?.map(stripCall).pop());
      if (!name) return false;
      const words = splitWords(name);
      return words.length > 0 && recordWords.has(words[words.length - 1]!);
    };

    /** `const session = await db.sessions.find(id)`: a variable holding what a read call returned. */
    const isReadFromStore = (id: ts.Identifier): boolean => {
      const decl = declarationOf(flow, id);
      if (!decl || !t.isVariableDeclaration(decl) || !decl.initializer) return false;
      let init = skipOuterExpressions(t, decl.initializer);
      if (t.isAwaitExpression(init)) init = skipOuterExpressions(t, init.expression);
      if (!t.isCallExpression(init)) return false;
      const method = calleeName(t, init.expression);
      return method !== undefined && READ_VERBS.has(splitWords(method)[0] ?? '');
    };

    /** Object-literal keys in the value that name a hash of a secret: `{ passwordHash: user.passwordHash }`. */
    const hashedKeys = (value: ts.Expression): [ts.Node, string][] => {
      const out: [ts.Node, string][] = [];
      const visit = (node: ts.Expression): void => {
        const expr = skipOuterExpressions(t, node);
        if (t.isArrayLiteralExpression(expr)) return expr.elements.forEach((e) => visit(e as ts.Expression));
        if (t.isCallExpression(expr) && calleeName(t, expr.expression) === 'stringify')
          return expr.arguments.forEach(visit);
        if (!t.isObjectLiteralExpression(expr)) return;
        for (const prop of expr.properties) {
          if (!t.isPropertyAssignment(prop) && !t.isShorthandPropertyAssignment(prop)) continue;
          const key = propertyNameText(t, prop.name);
          if (key !== undefined && isHashOfSecret(classifyName(key, classifier))) {
            const initializer = t.isPropertyAssignment(prop) ? skipOuterExpressions(t, prop.initializer) : undefined;
            if (!initializer || !isConstantValue(t, initializer)) out.push([prop, key]);
            continue;
          }
          if (t.isPropertyAssignment(prop)) visit(prop.initializer);
        }
      };
      visit(value);
      return out;
    };

    /**
     * With types: the sent value, and the records nested in a body built here (`{ users }`,
     * `{ data: rows }`, `{ items: await db.user.findMany() }`, `[owner, ...members]`), whose type (or
     * array element type) has a password/key/hash property. Object and array literals are looked into
     * up to `MAX_BODY_DEPTH` levels; each record found is reported where it is put into the body.
     */
    const recordsWithSecret = (value: ts.Expression, depth = 0): [ts.Node, string][] => {
      const whole = secretPropertyOfType(value);
      if (whole) return [[value, whole]];
      const expr = skipOuterExpressions(t, value);
      if (depth >= MAX_BODY_DEPTH) return [];
      const out: [ts.Node, string][] = [];
      if (t.isArrayLiteralExpression(expr)) {
        for (const element of expr.elements)
          out.push(...recordsWithSecret(t.isSpreadElement(element) ? element.expression : element, depth + 1));
      } else if (t.isObjectLiteralExpression(expr)) {
        for (const prop of expr.properties) {
          if (t.isPropertyAssignment(prop)) out.push(...recordsWithSecret(prop.initializer, depth + 1));
          else if (t.isShorthandPropertyAssignment(prop)) out.push(...recordsWithSecret(prop.name, depth + 1));
        }
      }
      return out;
    };

    /**
     * With types: a value typed as a record (not a string, bytes or `any`) none of whose fields is named
     * as a secret, like the claims a decrypted token carries (`{ userId: string }`).
     */
    const isRecordWithoutSecret = (node: ts.Node): boolean => {
      if (!checker) return false;
      let type = checker.getTypeAtLocation(node);
      type = checker.getAwaitedType(type) ?? type;
      const members = (type.isUnion() ? type.types : [type]).filter(
        (m) => !(m.flags & (t.TypeFlags.Null | t.TypeFlags.Undefined | t.TypeFlags.Void)),
      );
      return (
        members.length > 0 &&
        members.every(
          (m) =>
            m.flags & t.TypeFlags.Object &&
            !isScalarValue(t, m) &&
            !checker.isArrayLikeType(m) &&
            checker.getPropertiesOfType(m).length > 0 &&
            checker.getPropertiesOfType(m).every((p) => classifyName(p.getName(), classifier).verdict !== 'secret'),
        )
      );
    };

    /** With types: the sent value's type (or its array element type) has a password/key/hash property. */
    const secretPropertyOfType = (value: ts.Expression): string | undefined => {
      const expr = skipOuterExpressions(t, value);
      if (t.isObjectLiteralExpression(expr) && !expr.properties.some((p) => t.isSpreadAssignment(p))) return undefined; // keys judged above
      if (
        !t.isIdentifier(expr) &&
        !t.isAwaitExpression(expr) &&
        !t.isCallExpression(expr) &&
        !t.isPropertyAccessExpression(expr) &&
        !t.isElementAccessExpression(expr) &&
        !t.isObjectLiteralExpression(expr)
      )
        return undefined;
      let type = checker!.getTypeAtLocation(expr);
      type = checker!.getAwaitedType(type) ?? type; // `return this.users.findOne(id)` sends the awaited record
      if (type.flags & (t.TypeFlags.Any | t.TypeFlags.Unknown)) return undefined;
      const element = checker!.getIndexTypeOfType(type, t.IndexKind.Number);
      if (element && checker!.isArrayLikeType(type)) type = element;
      const seenSpread = t.isObjectLiteralExpression(expr);
      for (const prop of checker!.getPropertiesOfType(checker!.getApparentType(type))) {
        const name = prop.getName();
        const c = classifyName(name, classifier);
        if ((c.isSecret && c.kind && NEVER_SENT_KINDS.has(c.kind)) || (options.checkHashes && isHashOfSecret(c))) {
          // `credentials: ManagedCredential[]` (ids, scopes, dates): a collection of records, not a secret value.
          if (!isScalarValue(t, checker!.getTypeOfSymbolAtLocation(prop, expr))) continue;
          // `credential: string` declared as a `uuid` column: the id of a credentials row, not its data.
          if (isRecordReference(flow, prop.valueDeclaration)) continue;
          // In `{ ...user, passwordHash: undefined }` the key overrides the spread.
          if (
            seenSpread &&
            (expr as ts.ObjectLiteralExpression).properties.some((p) => propertyNameText(t, p.name) === name)
          )
            continue;
          return name;
        }
      }
      return undefined;
    };

    /** `sendKey(res, key)` whose body (here, or with a checker in any module) sends its parameter. */
    const checkHelperCall = (call: ts.CallExpression): void => {
      for (const cross of crossFunctionFlows(flow, call, RESPONSE_SINK)) {
        if (isMasked(t, cross.flow.at)) continue;
        const what = leakDescription(cross.flow);
        if (!what || reported.has(cross.flow.at)) continue;
        reported.add(cross.flow.at);
        context.report({
          node: cross.flow.at,
          messageId: 'secretInResponse',
          data: {
            what,
            name: cross.flow.source.name,
            sink: crossingText(flow, cross, { sourceFile: context.sourceFile, path: context.file.path }),
          },
          confidence: valueConfidence(cross.flow),
          steps: crossingSteps(flow, cross),
        });
      }
    };

    return {
      visit(node) {
        if (t.isCallExpression(node)) {
          const sink = callSink(t, node);
          if (sink) for (const arg of sink.values) checkValue(arg, sink.name);
          else checkHelperCall(node);
          return;
        }
        if (t.isNewExpression(node)) {
          const name = accessPath(t, node.expression)?.join('.');
          const body = node.arguments?.[0];
          if ((name === 'Response' || name === 'NextResponse') && body) checkValue(body, `new ${name}()`);
          return;
        }
        if (t.isBinaryExpression(node) && node.operatorToken.kind === t.SyntaxKind.EqualsToken) {
          // Koa: ctx.body = x
          const path = accessPath(t, node.left);
          if (
            path &&
            path.length >= 2 &&
            path[path.length - 1] === 'body' &&
            CONTEXT_ROOTS.has(path[0]!) &&
            (path.length === 2 || path[1] === 'response')
          ) {
            checkValue(node.right, `${pathText(path)} =`);
          }
          return;
        }
        if (t.isReturnStatement(node) && node.expression) {
          const fn = enclosingFunctionOrFile(t, node);
          if (t.isSourceFile(fn)) return;
          const sink = returningSink(t, fn, fileIsServerActions);
          if (sink) checkValue(node.expression, sink.name, sink.wholeObjects);
          return;
        }
        if (t.isArrowFunction(node) && !t.isBlock(node.body)) {
          const sink = returningSink(t, node, fileIsServerActions);
          if (sink) checkValue(node.body, sink.name, sink.wholeObjects);
        }
      },
    };
  },
});

/** Response calls as function summaries see them (see `callSink`). */
const RESPONSE_SINK: SinkRecognizer = {
  key: 'no-secret-in-response:call',
  sinkOf: (ctx, call) => {
    const sink = callSink(ctx.ts, call);
    return sink && { display: sink.name, values: sink.values };
  },
};

/** Response calls and the arguments they send: `res.status(200).json(x)`, `reply.send(x)`, `Response.json(x)`, `c.json(x)`. */
function callSink(t: TypeScript, call: ts.CallExpression): { name: string; values: ts.Expression[] } | undefined {
  const method = calleeName(t, call.expression);
  const first = call.arguments[0];
  if (!method || !first) return undefined;
  const path = accessPath(t, call.expression);
  if (!path || path.length < 2) return undefined;
  const root = path[0]!;
  const name = `${pathText(path)}()`;
  if ((root === 'Response' || root === 'NextResponse') && path.length === 2 && method === 'json')
    return { name, values: [first] };
  if (RESPONSE_ROOTS.has(root) && RESPONSE_METHODS.has(method)) return { name, values: [first] };
  if (CONTEXT_ROOTS.has(root) && path.length === 2 && CONTEXT_METHODS.has(method)) return { name, values: [first] };
  return undefined;
}

/**
 * Whose return value goes to the client: server actions, NestJS route methods, Fastify handlers,
 * tRPC procedures (serialized whole) and GraphQL resolvers (only the fields the schema names).
 */
function returningSink(
  t: TypeScript,
  fn: ts.FunctionLikeDeclaration,
  fileIsServerActions: boolean,
): { name: string; wholeObjects: boolean } | undefined {
  const whole = (name: string) => ({ name, wholeObjects: true });
  if (fn.body && t.isBlock(fn.body) && hasDirective(t, fn.body.statements, 'use server'))
    return whole('a server action');
  if (fileIsServerActions && isExportedTopLevel(t, fn)) return whole('a server action');
  if (t.isMethodDeclaration(fn) && isNestRoute(t, fn)) return whole('a NestJS controller');
  if (isFastifyHandler(t, fn)) return whole('a route handler');
  if (isTrpcProcedure(t, fn)) return whole('a tRPC procedure');
  if (isGraphqlResolver(t, fn)) return { name: 'a GraphQL resolver', wholeObjects: false };
  return undefined;
}

/** `publicProcedure.input(schema).query(({ ctx }) => …)`, `t.procedure.mutation(…)`: a procedure's resolver. */
function isTrpcProcedure(t: TypeScript, fn: ts.FunctionLikeDeclaration): boolean {
  const call = fn.parent;
  if (!call || !t.isCallExpression(call) || call.arguments[0] !== (fn as unknown as ts.Expression)) return false;
  if (!t.isPropertyAccessExpression(call.expression) || !TRPC_METHODS.has(call.expression.name.text)) return false;
  // Walk the builder chain back to its root: some link must be named like a procedure.
  let receiver: ts.Expression = call.expression.expression;
  for (;;) {
    if (t.isCallExpression(receiver)) receiver = receiver.expression;
    else if (t.isPropertyAccessExpression(receiver)) {
      if (/procedure$/i.test(receiver.name.text)) return true;
      receiver = receiver.expression;
    } else return t.isIdentifier(receiver) && /procedure$/i.test(receiver.text);
  }
}

/**
 * A GraphQL resolver: a function under `Query`, `Mutation` or `Subscription` of a resolver map
 * (`{ Query: { me: (parent, args, ctx) => … } }`), or a `@Query()`/`@Mutation()`/`@ResolveField()`
 * method of a `@Resolver()` class (NestJS, TypeGraphQL).
 */
function isGraphqlResolver(t: TypeScript, fn: ts.FunctionLikeDeclaration): boolean {
  if (t.isMethodDeclaration(fn) && fn.parent && t.isClassLike(fn.parent)) {
    const decorators = t.canHaveDecorators(fn) ? (t.getDecorators(fn) ?? []) : [];
    if (!decorators.some((d) => GRAPHQL_RESOLVER_DECORATORS.has(decoratorName(t, d) ?? ''))) return false;
    const classDecorators = t.canHaveDecorators(fn.parent) ? (t.getDecorators(fn.parent) ?? []) : [];
    return classDecorators.some((d) => decoratorName(t, d) === 'Resolver');
  }
  // `me: () => …` (a property's value) or `me() { … }` (a method) in the root type's object.
  const member = t.isMethodDeclaration(fn)
    ? fn
    : fn.parent && t.isPropertyAssignment(fn.parent) && fn.parent.initializer === (fn as unknown as ts.Expression)
      ? fn.parent
      : undefined;
  const typeObject = member?.parent;
  if (!typeObject || !t.isObjectLiteralExpression(typeObject)) return false;
  const root = typeObject.parent;
  if (!root || !t.isPropertyAssignment(root) || root.initializer !== typeObject) return false;
  const rootName = propertyNameText(t, root.name);
  return rootName !== undefined && GRAPHQL_ROOT_TYPES.has(rootName);
}

function hasDirective(t: TypeScript, statements: readonly ts.Statement[], directive: string): boolean {
  for (const statement of statements) {
    if (!t.isExpressionStatement(statement) || !t.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === directive) return true;
  }
  return false;
}

/** `export async function save()`, `export const save = async () => …` at the top of a 'use server' file. */
function isExportedTopLevel(t: TypeScript, fn: ts.FunctionLikeDeclaration): boolean {
  const hasExport = (node: ts.Node) =>
    (t.canHaveModifiers(node) ? t.getModifiers(node)?.some((m) => m.kind === t.SyntaxKind.ExportKeyword) : false) ??
    false;
  if (t.isFunctionDeclaration(fn)) return t.isSourceFile(fn.parent) && hasExport(fn);
  const decl = fn.parent;
  if (decl && t.isVariableDeclaration(decl) && decl.initializer === fn) {
    const statement = decl.parent.parent;
    return t.isVariableStatement(statement) && t.isSourceFile(statement.parent) && hasExport(statement);
  }
  return false;
}

function decoratorName(t: TypeScript, decorator: ts.Decorator): string | undefined {
  const expr = decorator.expression;
  return calleeName(t, t.isCallExpression(expr) ? expr.expression : expr);
}

function isNestRoute(t: TypeScript, method: ts.MethodDeclaration): boolean {
  const decorators = t.canHaveDecorators(method) ? (t.getDecorators(method) ?? []) : [];
  if (!decorators.some((d) => NEST_ROUTE_DECORATORS.has(decoratorName(t, d) ?? ''))) return false;
  const cls = method.parent;
  if (!cls || !t.isClassLike(cls)) return false;
  const classDecorators = t.canHaveDecorators(cls) ? (t.getDecorators(cls) ?? []) : [];
  return classDecorators.some((d) => decoratorName(t, d) === 'Controller');
}

/** `fastify.get('/x', async (request, reply) => …)`: a handler whose second parameter is the reply. */
function isFastifyHandler(t: TypeScript, fn: ts.FunctionLikeDeclaration): boolean {
  const second = fn.parameters[1];
  if (second && t.isIdentifier(second.name) && (second.name.text === 'reply' || second.name.text === 'rep'))
    return true;
  const call = fn.parent;
  if (!call || !t.isCallExpression(call) || !call.arguments.includes(fn as unknown as ts.Expression)) return false;
  const method = calleeName(t, call.expression);
  const root = accessPath(t, call.expression)?.[0];
  return method !== undefined && ROUTE_METHODS.has(method) && root !== undefined && FASTIFY_ROOTS.has(root);
}

/** A string, bytes, or a type the checker cannot see into (`any`): what a secret value is stored as. */
function isScalarValue(t: TypeScript, type: ts.Type): boolean {
  const F = t.TypeFlags;
  if (type.isUnion()) return type.types.some((m) => isScalarValue(t, m));
  // A branded string (Sequelize's `CreationOptional<string>`, `string & { __brand: 'Email' }`) is a string.
  if (type.isIntersection()) return type.types.some((m) => isScalarValue(t, m));
  if (type.flags & (F.StringLike | F.Any | F.Unknown | F.TypeParameter)) return true;
  const name = (type.getSymbol() ?? type.aliasSymbol)?.getName();
  return name === 'Buffer' || name === 'Uint8Array' || name === 'String';
}

/**
 * The response passes a declared schema: the handler is registered next to an object with a
 * `response` schema (`router.post(path, koaGuard({ body, response }), handler)`, Fastify's
 * `app.post(path, { schema: { response } }, handler)`).
 */
function hasResponseSchema(t: TypeScript, value: ts.Node): boolean {
  let fn: ts.Node | undefined = value.parent;
  while (fn && !t.isArrowFunction(fn) && !t.isFunctionExpression(fn)) fn = fn.parent;
  const call = fn?.parent;
  if (!fn || !call || !t.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return false;
  const declaresResponse = (node: ts.Expression, depth: number): boolean => {
    const expr = skipOuterExpressions(t, node);
    if (t.isCallExpression(expr)) return expr.arguments.some((a) => depth < 2 && declaresResponse(a, depth + 1));
    if (!t.isObjectLiteralExpression(expr)) return false;
    return expr.properties.some((p) => {
      const key = p.name && propertyNameText(t, p.name);
      if (key === 'response') return true;
      return key === 'schema' && t.isPropertyAssignment(p) && depth < 2 && declaresResponse(p.initializer, depth + 1);
    });
  };
  return call.arguments.some((a) => a !== fn && declaresResponse(a, 0));
}

/** A protected form of a secret that is a hash: `passwordHash`, `hashedPassword`, `tokenDigest`. */
function isHashOfSecret(c: NameClassification): boolean {
  return c.verdict === 'protected' && c.words.some((w) => HASH_WORDS.has(w));
}

/**
 * What a conditional value is made of when its other branch is no value: `createToken()` for
 * `!pkce ? createToken() : undefined` (a public client gets no secret). Anything else is returned as is.
 */
function madeOrNothing(t: TypeScript, expr: ts.Expression): ts.Expression {
  if (!t.isConditionalExpression(expr)) return expr;
  const [whenTrue, whenFalse] = [skipOuterExpressions(t, expr.whenTrue), skipOuterExpressions(t, expr.whenFalse)];
  const unwrap = (e: ts.Expression) => (t.isAwaitExpression(e) ? skipOuterExpressions(t, e.expression) : e);
  if (isConstantValue(t, whenFalse)) return unwrap(whenTrue);
  if (isConstantValue(t, whenTrue)) return unwrap(whenFalse);
  return expr;
}

/** `null`, `undefined`, literals: a key set to a constant sends nothing secret. */
function isConstantValue(t: TypeScript, expr: ts.Expression): boolean {
  if (t.isLiteralExpression(expr) || t.isNoSubstitutionTemplateLiteral(expr)) return true;
  const k = t.SyntaxKind;
  if (expr.kind === k.NullKeyword || expr.kind === k.TrueKeyword || expr.kind === k.FalseKeyword) return true;
  if (t.isIdentifier(expr) && expr.text === 'undefined') return true;
  return t.isPrefixUnaryExpression(expr) || t.isVoidExpression(expr) || t.isTypeOfExpression(expr);
}

/** Words of a constant or variable that holds a redaction marker or a redacted copy: `REDACTED_VALUE`, `maskedHeaders`. */
const REDACTION_WORDS = new Set(['redacted', 'redaction', 'masked']);
/** Text that only masks: `'********'`, `'[REDACTED]'`. */
const MASK_TEXT = /^\[?(?:[*•x#.…-]{3,}|redacted|hidden)\]?$/i;

/** `REDACTED_CREDENTIAL_VALUE`, `redactedHeaders`, `'********'`: what replaces a secret that must not leave. */
function isRedactionMarker(t: TypeScript, value: ts.Expression): boolean {
  const expr = skipOuterExpressions(t, value);
  if (t.isStringLiteral(expr) || t.isNoSubstitutionTemplateLiteral(expr)) return MASK_TEXT.test(expr.text);
  const name = t.isIdentifier(expr) ? expr.text : t.isPropertyAccessExpression(expr) ? expr.name.text : undefined;
  return name !== undefined && splitWords(name).some((w) => REDACTION_WORDS.has(w));
}

/** A value shortened for display: `apiKey.slice(-4)`, or sent under a key that says so (`apiKeyLast4`, `tokenPreview`). */
function isMasked(t: TypeScript, at: ts.Node): boolean {
  const parent = at.parent;
  if (parent && t.isPropertyAssignment(parent) && parent.initializer === at) {
    const key = propertyNameText(t, parent.name);
    if (key && splitWords(key).some((w) => DISPLAY_SHORTENED_WORDS.has(w))) return true;
  }
  return isShortSlice(t, at);
}
