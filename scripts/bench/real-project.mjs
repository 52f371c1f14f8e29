// The real TypeScript project every bench can count on: this repository's own packages (their src/),
// copied into `dir` with one tsconfig over all of them (the repository's base options, no project
// references or emit), and `node_modules` linked to the repository's, so imports and @types resolve.
import { cpSync, readdirSync, readFileSync, existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** Copies packages/<pkg>/src into `dir`; returns the number of TypeScript files and lines copied. */
export function copyRepositoryPackages(dir) {
  let files = 0;
  let lines = 0;
  for (const pkg of readdirSync(join(repo, 'packages')).sort()) {
    const src = join(repo, 'packages', pkg, 'src');
    if (!existsSync(src)) continue;
    cpSync(src, join(dir, 'packages', pkg, 'src'), { recursive: true });
    for (const entry of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
      if (!entry.endsWith('.ts')) continue;
      files++;
      lines += readFileSync(join(src, entry), 'utf8').split('\n').length;
    }
  }
  const base = JSON.parse(readFileSync(join(repo, 'tsconfig.base.json'), 'utf8'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          ...base.compilerOptions,
          composite: false,
          declaration: false,
          declarationMap: false,
          sourceMap: false,
          noEmit: true,
        },
        include: ['packages/*/src'],
      },
      null,
      2,
    ),
  );
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'real-project', private: true, type: 'module' }));
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { files, lines };
}
