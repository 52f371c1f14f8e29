import { allChecks, presetOptions, type CheckLevel } from '@secret-hygiene/checks';
import parser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { createRequire } from 'node:module';
import { ruleFromCheck, type CheckRule } from './from-check.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

export const rules: Record<string, CheckRule> = Object.fromEntries(allChecks.map((check) => [check.id, ruleFromCheck(check)]));

const FILES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];
const LEVELS: Record<CheckLevel, readonly CheckLevel[]> = {
  recommended: ['recommended'],
  'recommended-type-checked': ['recommended', 'recommended-type-checked'],
  strict: ['recommended', 'recommended-type-checked', 'strict'],
};

function rulesFor(config: CheckLevel): TSESLint.FlatConfig.Rules {
  const entries = allChecks
    .filter((check) => LEVELS[config].includes(check.meta.level))
    .filter((check) => config !== 'recommended' || !check.meta.requiresTypeChecking)
    .filter((check) => (check.meta.scope ?? 'file') === 'file')
    .map((check) => {
      const options = presetOptions(check, config === 'strict' ? 'strict' : 'recommended');
      const level: TSESLint.FlatConfig.RuleEntry = options ? ['error', options] : 'error';
      return [`secret-hygiene/${check.id}`, level] as const;
    });
  return Object.fromEntries(entries);
}

const plugin = {
  meta: { name, version, namespace: 'secret-hygiene' },
  rules,
  configs: {} as Record<'recommended' | 'recommended-type-checked' | 'strict', TSESLint.FlatConfig.Config>,
};

function config(level: CheckLevel): TSESLint.FlatConfig.Config {
  const typed = level !== 'recommended';
  return {
    name: `secret-hygiene/${level}`,
    files: FILES,
    plugins: { 'secret-hygiene': plugin as unknown as TSESLint.FlatConfig.Plugin },
    languageOptions: {
      parser: parser as TSESLint.FlatConfig.Parser,
      ...(typed ? { parserOptions: { projectService: true } } : {}),
    },
    rules: rulesFor(level),
  };
}

plugin.configs.recommended = config('recommended');
plugin.configs['recommended-type-checked'] = config('recommended-type-checked');
plugin.configs.strict = config('strict');

export const configs = plugin.configs;
export default plugin;
