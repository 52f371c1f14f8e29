import { existsSync, readFileSync } from 'node:fs';
import { extname, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allChecks, type Check, type JsonSchema, type SharedSettings } from '@secret-hygiene/checks';
import { allRules } from './rules.js';
import { validateAgainstSchema } from './schema.js';
import type { RuleSetting } from './types.js';

/** A rule's entry in the config: a severity or `off`, or `[severity, options]` as in ESLint. */
export type RuleEntry = RuleSetting | readonly [RuleSetting] | readonly [RuleSetting, Record<string, unknown>];

/** The config file's shape (`secret-hygiene.config.json`, `.mjs` or `.js`). */
export interface ScanConfig {
  /** `recommended` (default) runs every check with its default options; `strict` applies the checks' strict options. */
  readonly preset?: 'recommended' | 'strict';
  /** Names settings shared by every check. */
  readonly settings?: SharedSettings;
  /** Per-rule severity, `off`, and options (extra sinks, sanitizers... as each rule's schema says). */
  readonly rules?: Readonly<Record<string, RuleEntry>>;
  /** Globs of paths to leave out, relative to the root. */
  readonly ignore?: readonly string[];
  /** Files larger than this many bytes are skipped. Default 1 MiB. */
  readonly maxFileSize?: number;
  /** The tsconfig to build the program from, relative to the root. */
  readonly tsconfig?: string;
}

/** A config problem the user must fix; the CLI exits 2 with its message. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The file names looked for in the root, in order. */
export const configFileNames = [
  'secret-hygiene.config.json',
  'secret-hygiene.config.mjs',
  'secret-hygiene.config.js',
] as const;

const severities = ['error', 'warning', 'note', 'off'];

/** The config file's JSON schema; also the reference in docs/scanner.md. */
export const configSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'Editor hint; ignored.' },
    preset: { enum: ['recommended', 'strict'], description: 'Which options the checks run with.' },
    settings: {
      type: 'object',
      additionalProperties: false,
      description: 'Names settings shared by every check.',
      properties: {
        extraSecretWords: {
          type: 'array',
          items: { type: 'string' },
          description: 'Extra words that make a name secret.',
        },
        ignoredNames: {
          type: 'array',
          items: { type: 'string' },
          description: 'Words or whole names that never make a name secret.',
        },
      },
    },
    rules: { type: 'object', description: 'Per-rule severity (error, warning, note, off) and options.' },
    ignore: { type: 'array', items: { type: 'string' }, description: 'Globs of paths to leave out.' },
    maxFileSize: { type: 'integer', minimum: 1, description: 'Files larger than this many bytes are skipped.' },
    tsconfig: { type: 'string', description: 'The tsconfig to build the program from.' },
  },
};

/**
 * Loads the config: the file given, else the first of `configFileNames` in `root`, else `{}`.
 * Throws `ConfigError` for a missing given file, unparsable JSON, a `.ts` config, or invalid content.
 */
export async function loadConfig(root: string, configPath?: string): Promise<{ config: ScanConfig; path?: string }> {
  let path: string | undefined;
  if (configPath) {
    path = isAbsolute(configPath) ? configPath : resolve(configPath);
    if (!existsSync(path)) throw new ConfigError(`config file not found: ${configPath}`);
  } else {
    path = configFileNames.map((name) => resolve(root, name)).find((p) => existsSync(p));
  }
  if (!path) return { config: {} };
  const ext = extname(path);
  let raw: unknown;
  if (ext === '.json') {
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new ConfigError(`${path}: not valid JSON: ${(error as Error).message}`);
    }
  } else if (ext === '.mjs' || ext === '.js') {
    try {
      const mod = (await import(pathToFileURL(path).href)) as { default?: unknown };
      raw = mod.default;
    } catch (error) {
      throw new ConfigError(`${path}: could not be loaded: ${(error as Error).message}`);
    }
  } else {
    throw new ConfigError(
      `${path}: unsupported config format "${ext}"; use .json, .mjs or .js (a .ts config is not supported on Node 20)`,
    );
  }
  return { config: validateConfig(raw, path), path };
}

/** Checks a config value against `configSchema` and each rule's option schema. Throws `ConfigError`. */
export function validateConfig(
  raw: unknown,
  source = 'config',
  checks: readonly Check<any, string>[] = allChecks,
): ScanConfig {
  const problems = validateAgainstSchema(raw, configSchema);
  if (problems.length === 0) {
    const rules = (raw as ScanConfig).rules ?? {};
    const known = new Map(allRules(checks).map((r) => [r.id, r]));
    for (const [id, entry] of Object.entries(rules)) {
      if (!known.has(id)) {
        problems.push(`rules.${id}: unknown rule; known rules: ${[...known.keys()].join(', ')}`);
        continue;
      }
      const [setting, options, ...rest] = Array.isArray(entry) ? entry : [entry];
      if (!severities.includes(setting as string) || rest.length > 0) {
        problems.push(`rules.${id}: expected "error", "warning", "note", "off" or [severity, options]`);
        continue;
      }
      if (options !== undefined) {
        const check = checks.find((c) => c.id === id);
        if (!check) problems.push(`rules.${id}: this rule takes no options`);
        else problems.push(...validateAgainstSchema(options, check.meta.schema, `rules.${id}[1]`));
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(`${source}: invalid config:\n  ${problems.join('\n  ')}`);
  return raw as ScanConfig;
}

/** The severity setting and options of one rule in a config, if the config names it. */
export function ruleEntry(
  config: ScanConfig,
  id: string,
): { setting?: RuleSetting; options?: Record<string, unknown> } {
  const entry = config.rules?.[id];
  if (entry === undefined) return {};
  if (Array.isArray(entry))
    return { setting: entry[0] as RuleSetting, options: entry[1] as Record<string, unknown> | undefined };
  return { setting: entry as RuleSetting };
}
