// The repository lints itself with typescript-eslint and its own plugin.
import tseslint from 'typescript-eslint';
import secretHygiene from 'eslint-plugin-secret-hygiene';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.scratch/**',
      'fixtures/**',
      'test/corpus/**',
      '**/*.d.ts',
      'coverage/**',
    ],
  },
  ...tseslint.configs.recommended,
  secretHygiene.configs.recommended,
  {
    // Dogfooding with types: the type-aware parts tell an AST node named `secret` from a secret string.
    files: ['packages/*/src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: secretHygiene.configs['recommended-type-checked'].rules,
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests hold deliberate samples of every problem the rules find; the rules run on src/ only.
    files: ['**/test/**', '**/tests/**'],
    rules: Object.fromEntries(Object.keys(secretHygiene.rules).map((id) => [`secret-hygiene/${id}`, 'off'])),
  },
);
