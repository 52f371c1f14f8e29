// The import graph stays a DAG: no cycle among the files of @secret-hygiene/checks, catalogs/
// holds data (it imports no analysis layer), and a package imports only the workspace packages it
// declares, which themselves form no cycle (nothing imports upward).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../', import.meta.url));
const checksSrc = join(repo, 'packages/checks/src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

interface ImportEdge {
  readonly specifier: string;
  /** `import type` / `export type`: erased at run time. */
  readonly typeOnly: boolean;
}

/** The static and dynamic import specifiers of a module (comments stripped first). */
function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const edges: ImportEdge[] = [];
  for (const m of text.matchAll(/^(import|export)(\s+type)?\b[^;]*?\bfrom\s+'([^']+)'/gm))
    edges.push({ specifier: m[3]!, typeOnly: m[2] !== undefined });
  for (const m of text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) edges.push({ specifier: m[1]!, typeOnly: false });
  return edges;
}

/** Relative imports resolved to the .ts files of the same tree. */
function localGraph(files: readonly string[]): Map<string, { to: string; typeOnly: boolean }[]> {
  return new Map(
    files.map((file) => [
      file,
      importsOf(file)
        .filter((e) => e.specifier.startsWith('.'))
        .map((e) => ({ to: resolve(dirname(file), e.specifier.replace(/\.js$/, '.ts')), typeOnly: e.typeOnly })),
    ]),
  );
}

/** Every cycle found by a depth-first search, as a path of file names relative to `root`. */
function cycles(graph: ReadonlyMap<string, readonly { to: string }[]>, root: string): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const { to } of graph.get(node) ?? []) {
      if (state.get(to) === 'open')
        found.push([...stack.slice(stack.indexOf(to)), to].map((f) => relative(root, f)).join(' -> '));
      else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe('the import graph', () => {
  const files = tsFiles(checksSrc);
  const graph = localGraph(files);

  it('finds a cycle when there is one (the search itself works)', () => {
    const a = join(checksSrc, 'a.ts');
    const b = join(checksSrc, 'b.ts');
    expect(
      cycles(
        new Map([
          [a, [{ to: b }]],
          [b, [{ to: a }]],
        ]),
        checksSrc,
      ),
    ).toEqual(['a.ts -> b.ts -> a.ts']);
    expect(
      cycles(
        new Map([
          [a, [{ to: b }]],
          [b, []],
        ]),
        checksSrc,
      ),
    ).toEqual([]);
  });

  it('has no cycle among the files of @secret-hygiene/checks', () => {
    expect(files.length).toBeGreaterThan(40);
    for (const [file, edges] of graph)
      for (const { to } of edges)
        expect(files, `${relative(checksSrc, file)} imports a missing ${relative(checksSrc, to)}`).toContain(to);
    expect(cycles(graph, checksSrc)).toEqual([]);
  });

  it('catalogs/ holds tables: no exported function, and at run time it reads only other catalogs and the names vocabulary', () => {
    const allowed = ['catalogs/', 'names/'];
    const outside = [...graph]
      .filter(([file]) => relative(checksSrc, file).startsWith('catalogs/'))
      .flatMap(([file, edges]) =>
        edges.filter((e) => !e.typeOnly).map((e) => `${relative(checksSrc, file)} -> ${relative(checksSrc, e.to)}`),
      )
      .filter((edge) => !allowed.some((dir) => edge.split(' -> ')[1]!.startsWith(dir)));
    expect(outside).toEqual([]);
    const readsSyntax = files.filter(
      (f) => relative(checksSrc, f).startsWith('catalogs/') && /from 'typescript'/.test(readFileSync(f, 'utf8')),
    );
    expect(readsSyntax.map((f) => relative(checksSrc, f))).toEqual([]);
    // Tables only: the lookups and recognisers over them live in flow/ and nonce/.
    const functions = files
      .filter((f) => relative(checksSrc, f).startsWith('catalogs/'))
      .flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/^export (?:async )?function (\w+)/gm)].map(
          (m) => `${relative(checksSrc, f)}: ${m[1]}`,
        ),
      );
    expect(functions).toEqual([]);
  });

  it('a package imports only the workspace packages it depends on, and those form no cycle', () => {
    const packagesDir = join(repo, 'packages');
    const manifests = readdirSync(packagesDir).map((dir) => {
      const manifest = JSON.parse(readFileSync(join(packagesDir, dir, 'package.json'), 'utf8')) as {
        name: string;
        dependencies?: Record<string, string>;
        optionalDependencies?: Record<string, string>;
        peerDependencies?: Record<string, string>;
      };
      return { dir, manifest };
    });
    const names = new Set(manifests.map((m) => m.manifest.name));
    const packageOf = (specifier: string) => [...names].find((n) => specifier === n || specifier.startsWith(`${n}/`));
    const declared = new Map(
      manifests.map(({ manifest: m }) => [
        m.name,
        Object.keys({ ...m.dependencies, ...m.optionalDependencies, ...m.peerDependencies }).filter((d) =>
          names.has(d),
        ),
      ]),
    );
    const undeclared = manifests.flatMap(({ dir, manifest }) =>
      tsFiles(join(packagesDir, dir, 'src')).flatMap((file) =>
        importsOf(file)
          .map((e) => packageOf(e.specifier))
          .filter(
            (p): p is string => p !== undefined && p !== manifest.name && !declared.get(manifest.name)!.includes(p),
          )
          .map((p) => `${relative(repo, file)} imports ${p}`),
      ),
    );
    expect(undeclared).toEqual([]);
    const packageGraph = new Map([...declared].map(([name, deps]) => [name, deps.map((to) => ({ to }))]));
    expect(cycles(packageGraph, '')).toEqual([]);
  });
});
