import { allChecks, hostedByEslint, presetOptions, type CheckLevel } from '@secret-hygiene/checks';
import parser from '@typescript-eslint/parser';
import { createRequire } from 'node:module';
import { ruleFromCheck, type CheckRule } from './from-check.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

export const rules: Record<string, CheckRule> = Object.fromEntries(
  allChecks.filter(hostedByEslint).map((check) => [check.id, ruleFromCheck(check)]),
);

/** The shared configs, by the name users write: `secretHygiene.configs['recommended-type-checked']`. */
export type ConfigName = 'recommended' | 'recommended-type-checked' | 'strict';

/** A rule as our configs turn it on: on, with the preset's options when it has any. */
export type RuleEntry = 'error' | ['error', Record<string, unknown>];

/**
 * The parser as our configs hand it over: structural and minimal, like typescript-eslint's own
 * `CompatibleParser`, so it fits ESLint's and typescript-eslint's config types alike.
 */
export type CompatibleParser = { parseForESLint(text: string): { ast: unknown; scopeManager: unknown } };

/**
 * One shared config. Plain data typed with type literals (not typescript-eslint's `FlatConfig`,
 * whose `languageOptions` lacks the index signature ESLint's types demand), so a config fits
 * ESLint's `Linter.Config` and `defineConfig` and typescript-eslint's `config()` (a type test
 * compiles all of them). It sets the parser, as typescript-eslint's configs do, and never parser
 * options: `projectService` and `tsconfigRootDir` belong to the user.
 */
export type SecretHygieneConfig = {
  name: `secret-hygiene/${ConfigName}`;
  files: string[];
  plugins: { 'secret-hygiene': SecretHygienePlugin };
  languageOptions: { parser: CompatibleParser };
  rules: Record<string, RuleEntry>;
};

/**
 * A rule as the plugin object declares it: the loose shape ESLint's `RuleDefinition` and
 * typescript-eslint's `LooseRuleDefinition` both accept (typescript-eslint's `RuleModule`, which our
 * rules are, fits neither's context type). The precise type is the named export `rules`.
 */
export type CompatibleRule = { meta?: object; create(context: any): Record<string, (...args: any[]) => void> };

/** The plugin object: fits ESLint's `ESLint.Plugin` and typescript-eslint's `FlatConfig.Plugin`. */
export type SecretHygienePlugin = {
  meta: { name: string; version: string; namespace: 'secret-hygiene' };
  rules: Record<string, CompatibleRule>;
  configs: Record<ConfigName, SecretHygieneConfig>;
};

const FILES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];
const LEVELS: Record<CheckLevel, readonly CheckLevel[]> = {
  recommended: ['recommended'],
  'recommended-type-checked': ['recommended', 'recommended-type-checked'],
  strict: ['recommended', 'recommended-type-checked', 'strict'],
};

function rulesFor(config: CheckLevel): Record<string, RuleEntry> {
  const entries = allChecks
    .filter((check) => LEVELS[config].includes(check.meta.level))
    .filter((check) => config !== 'recommended' || !check.meta.requiresTypeChecking)
    .filter(hostedByEslint)
    .map((check) => {
      const options = presetOptions(check, config === 'strict' ? 'strict' : 'recommended');
      const level: RuleEntry = options ? ['error', options] : 'error';
      return [`secret-hygiene/${check.id}`, level] as const;
    });
  return Object.fromEntries(entries);
}

const plugin: SecretHygienePlugin = {
  meta: { name, version, namespace: 'secret-hygiene' },
  rules: rules as Record<string, CompatibleRule>,
  configs: {} as Record<ConfigName, SecretHygieneConfig>,
};

function config(level: ConfigName): SecretHygieneConfig {
  return {
    name: `secret-hygiene/${level}`,
    files: FILES,
    plugins: { 'secret-hygiene': plugin },
    // The user's own @typescript-eslint/parser (a peer dependency, so one copy in their tree).
    languageOptions: { parser: parser as CompatibleParser },
    rules: rulesFor(level),
  };
}

plugin.configs.recommended = config('recommended');
plugin.configs['recommended-type-checked'] = config('recommended-type-checked');
plugin.configs.strict = config('strict');

export const configs = plugin.configs;
export default plugin;
