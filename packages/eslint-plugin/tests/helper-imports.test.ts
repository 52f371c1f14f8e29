// Issue 11.10: suggestions inserted `requireEnv(...)` and `redact(...)` without importing them, so
// accepting one left code that does not compile. Now the call is offered where the helper resolves,
// with an import of the project's module that exports it (found with type information), or not at all.
import { RuleTester } from '@typescript-eslint/rule-tester';
import { fileURLToPath } from 'node:url';
import { rules } from '../src/index.js';

const ruleTester = new RuleTester();
const typed = {
  parserOptions: {
    project: './tsconfig.json',
    tsconfigRootDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
  },
};

const fallback = (line: number, column: number, output?: string) => ({
  messageId: 'envFallback' as const,
  line,
  column,
  suggestions: output === undefined ? [] : [{ messageId: 'useRequiredEnv' as const, output }],
});
const logged = (line: number, column: number, output?: string) => ({
  messageId: 'secretToSink' as const,
  line,
  column,
  suggestions: output === undefined ? [] : [{ messageId: 'wrapInRedaction' as const, output }],
});

ruleTester.run('no-env-fallback: the requireEnv the suggestion calls', rules['no-env-fallback']!, {
  valid: [],
  invalid: [
    // Nowhere to be found (no type information to look for a module): no suggestion.
    { code: "const s = process.env.JWT_SECRET ?? 'dev';", errors: [fallback(1, 11)] },
    // Imported already: the call alone.
    {
      code: "import { requireEnv } from './env.js';\nconst s = process.env.JWT_SECRET ?? 'dev';",
      errors: [fallback(2, 11, "import { requireEnv } from './env.js';\nconst s = requireEnv('JWT_SECRET');")],
    },
    // Declared in a scope around the default.
    {
      code: "function load(requireEnv: (n: string) => string) {\n  return process.env.JWT_SECRET ?? 'dev';\n}",
      errors: [
        fallback(2, 10, "function load(requireEnv: (n: string) => string) {\n  return requireEnv('JWT_SECRET');\n}"),
      ],
    },
    // Exported by a module of the project: imported with the call (NodeNext: a .js specifier).
    {
      code: "const s = process.env.JWT_SECRET ?? 'dev';",
      languageOptions: typed,
      errors: [
        fallback(1, 11, "import { requireEnv } from './helper-imports/env.js';\nconst s = requireEnv('JWT_SECRET');"),
      ],
    },
    // Added to the import of that module the file has, after the other imports otherwise.
    {
      code: "import { port } from './helper-imports/env.js';\nexport const s = process.env.JWT_SECRET ?? 'dev';",
      languageOptions: typed,
      errors: [
        fallback(
          2,
          18,
          "import { port, requireEnv } from './helper-imports/env.js';\nexport const s = requireEnv('JWT_SECRET');",
        ),
      ],
    },
  ],
});

ruleTester.run('no-secret-logging: the redact the suggestion calls', rules['no-secret-logging']!, {
  valid: [],
  invalid: [
    { code: 'console.log(password);', errors: [logged(1, 13)] },
    {
      code: "import { redact } from './log.js';\nconsole.log(password);",
      errors: [logged(2, 13, "import { redact } from './log.js';\nconsole.log(redact(password));")],
    },
    {
      code: "import { hostname } from 'node:os';\nconsole.log(password, hostname());",
      languageOptions: typed,
      errors: [
        logged(
          2,
          13,
          "import { hostname } from 'node:os';\nimport { redact } from './helper-imports/redaction.js';\nconsole.log(redact(password), hostname());",
        ),
      ],
    },
    // After a directive prologue, which must stay first ('use server': a browser's own console is a weaker sink).
    {
      code: "'use server';\nconsole.log({ password });",
      languageOptions: typed,
      errors: [
        logged(
          2,
          15,
          "'use server';\nimport { redact } from './helper-imports/redaction.js';\nconsole.log({ password: redact(password) });",
        ),
      ],
    },
    // CommonJS: an import declaration would not run there, so no suggestion.
    {
      code: "const os = require('node:os');\nconsole.log(password, os.hostname());",
      languageOptions: typed,
      errors: [logged(2, 13)],
    },
  ],
});
