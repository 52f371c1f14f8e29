// Type test (compiled by ../types.test.ts, never run): the plugin and its configs fit wherever users
// put them in an `eslint.config.ts`: ESLint's defineConfig, Linter.Config, ESLint.Plugin, and
// typescript-eslint's config helper. typescript-eslint's own exports compile in the same places.
import type { ESLint, Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import secretHygiene, { configs } from 'eslint-plugin-secret-hygiene';

export const withDefineConfig = defineConfig(
  tseslint.configs.recommendedTypeChecked,
  secretHygiene.configs.recommended,
  secretHygiene.configs['recommended-type-checked'],
  configs.strict,
  {
    plugins: { 'secret-hygiene': secretHygiene },
    rules: { 'secret-hygiene/no-secret-logging': ['error', { minConfidence: 'low' }] },
  },
  { extends: [secretHygiene.configs.recommended], files: ['src/**/*.ts'] },
);

export const asLinterConfig: Linter.Config[] = [
  secretHygiene.configs.recommended,
  secretHygiene.configs['recommended-type-checked'],
  secretHygiene.configs.strict,
  { plugins: { 'secret-hygiene': secretHygiene }, rules: secretHygiene.configs.strict.rules },
];

export const asPlugin: ESLint.Plugin = secretHygiene;
export const asRules: ESLint.Plugin['rules'] = secretHygiene.rules;

export const withTseslintConfig = tseslint.config(
  ...tseslint.configs.recommendedTypeChecked,
  secretHygiene.configs['recommended-type-checked'],
  { plugins: { 'secret-hygiene': secretHygiene }, rules: secretHygiene.configs.recommended.rules },
);
