/**
 * The catalog of environment-variable access patterns: data only. The recognisers that read it
 * (`directEnvRead`, `envReadOf`, `envDefaultSite`, ...) are in `../flow/env-reads.ts`;
 * `no-env-fallback` and the inventory use them.
 */

/** The runtime whose environment an access reads. */
export type EnvRuntime = 'node' | 'vite' | 'bun' | 'deno';

/** An object that holds the environment as properties: `process.env.X`, `process.env['X']`. */
export interface EnvObjectPattern {
  /** The access path as `accessPath()` spells it (`import.meta` is one segment). */
  readonly path: readonly string[];
  readonly runtime: EnvRuntime;
}

/** A call that reads one variable by name: `Deno.env.get('X')`. */
export interface EnvGetterPattern {
  readonly path: readonly string[];
  readonly runtime: EnvRuntime;
  /** The index of the argument that names the variable. */
  readonly nameArgument: number;
}

/** A module export that is the environment object: `import { env } from 'node:process'`. */
export interface EnvModuleExport {
  readonly module: string;
  readonly exportName: string;
  readonly runtime: EnvRuntime;
}

/** Objects whose properties are environment variables. */
export const ENV_OBJECTS: readonly EnvObjectPattern[] = [
  { path: ['process', 'env'], runtime: 'node' },
  { path: ['globalThis', 'process', 'env'], runtime: 'node' },
  { path: ['import.meta', 'env'], runtime: 'vite' },
  { path: ['Bun', 'env'], runtime: 'bun' },
];

/** Calls that read one environment variable by name. */
export const ENV_GETTERS: readonly EnvGetterPattern[] = [
  { path: ['Deno', 'env', 'get'], runtime: 'deno', nameArgument: 0 },
];

/** Module exports that are the environment object. */
export const ENV_MODULE_EXPORTS: readonly EnvModuleExport[] = [
  { module: 'node:process', exportName: 'env', runtime: 'node' },
  { module: 'process', exportName: 'env', runtime: 'node' },
];

/**
 * Config services that read an environment variable by name and take a default as a further
 * argument: NestJS `configService.get('JWT_SECRET', 'dev')`. The receiver is recognised by the last
 * word of its name (`config`, `this.configService`, `appConfig`); only UPPER_SNAKE names count as
 * variables, since `config.get('jwt.secret')` reads a namespaced config key.
 */
export const ENV_CONFIG_GETTERS: readonly {
  readonly receiverSuffixes: readonly string[];
  readonly method: string;
  readonly nameArgument: number;
  readonly defaultArgument: number;
}[] = [{ receiverSuffixes: ['config', 'configservice'], method: 'get', nameArgument: 0, defaultArgument: 1 }];

/** Env-reader libraries whose reader chains a default: env-var `env.get('X').default('dev').asString()`. */
export const ENV_READER_MODULES: readonly {
  readonly module: string;
  readonly method: string;
  readonly defaultMethod: string;
}[] = [{ module: 'env-var', method: 'get', defaultMethod: 'default' }];

/**
 * Env-schema libraries: calls whose argument objects map variable names to validators.
 * envalid `cleanEnv(process.env, { JWT_SECRET: str({ default: 'dev' }) })`, t3-env
 * `createEnv({ server: { JWT_SECRET: z.string().default('dev') }, runtimeEnv: process.env })`.
 */
export const ENV_SCHEMA_CALLS: readonly {
  readonly callee: string;
  readonly specArgument: number;
  readonly specProperties?: readonly string[];
}[] = [
  { callee: 'cleanEnv', specArgument: 1 },
  { callee: 'createEnv', specArgument: 0, specProperties: ['server', 'client', 'shared'] },
];

/**
 * Config-schema libraries whose settings are objects with a default and the variable that
 * overrides it: convict `convict({ jwt: { secret: { default: 'dev', env: 'JWT_SECRET' } } })`.
 */
export const CONFIG_SCHEMA_CALLS: readonly {
  readonly callee: string;
  readonly specArgument: number;
  readonly defaultKey: string;
  readonly envKey: string;
}[] = [{ callee: 'convict', specArgument: 0, defaultKey: 'default', envKey: 'env' }];

/** Methods that validate the environment against an object schema: zod/valibot/yup `schema.parse(process.env)`. */
export const ENV_SCHEMA_PARSE_METHODS: readonly string[] = [
  'parse',
  'safeParse',
  'parseAsync',
  'safeParseAsync',
  'validateSync',
  'cast',
];

/** Object-schema factories whose first argument maps keys to validators: `z.object({...})`. */
export const OBJECT_SCHEMA_FACTORIES: readonly string[] = ['object', 'strictObject', 'looseObject'];

/**
 * How a validator gives a default: a chained method (`z.string().default('dev')`, `.catch('dev')`)
 * or an options key (envalid `str({ default: 'dev' })`). envalid's `devDefault` is not here: it
 * applies outside production only, which is what it is for.
 */
export const SCHEMA_DEFAULT_METHODS: readonly string[] = ['default', 'prefault', 'catch'];

export const SCHEMA_DEFAULT_KEYS: readonly string[] = ['default'];

/** Words that name a helper which throws when a variable is unset: `requireEnv`, `mustGetEnv`, `assertEnv`. */
export const ENV_REQUIRING_WORDS: readonly string[] = [
  'require',
  'required',
  'must',
  'ensure',
  'assert',
  'invariant',
  'strict',
  'throw',
];

/**
 * Calls that validate the environment they are given (`schema.parse(process.env)`,
 * `cleanEnv(process.env, {...})`): the inventory counts the schema's keys as validated. Wider than
 * `ENV_SCHEMA_PARSE_METHODS`, which `no-env-fallback` reads for defaults.
 */
export const ENV_VALIDATING_CALLS: readonly string[] = [
  ...ENV_SCHEMA_CALLS.map((c) => c.callee),
  'parse',
  'safeParse',
  'parseAsync',
  'safeParseAsync',
  'validate',
  'validateSync',
  'assert',
  'decode',
  'load',
  'from',
];
