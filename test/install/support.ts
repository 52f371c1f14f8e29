// Helpers of the install test: child processes, a clean npm environment, README snippets, packing.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative as pathRelative } from 'node:path';

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end (no shell); kills it only when it hangs far past any honest run. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const guard = setTimeout(() => child.kill('SIGKILL'), 14 * 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}

/**
 * The environment for npm and the installed tools: without the `npm_*` variables of the `npm test`
 * that runs us (they point npm at this workspace), offline (from the cache `npm ci` filled), and
 * without DATABASE_URL (conformance must start its own server).
 */
export function npmEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.toLowerCase().startsWith('npm_') && !keep.has(key.toLowerCase())) continue;
    if (key === 'DATABASE_URL' || key === 'NODE_OPTIONS' || key.startsWith('VITEST')) continue;
    env[key] = value;
  }
  return {
    ...env,
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    NO_COLOR: '1',
  };
}

/** The body of the fenced code block in `markdown` whose text starts with `start`. */
export function codeBlock(markdown: string, start: string): string {
  const blocks = [...markdown.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
  const found = blocks.filter((b) => b.startsWith(start));
  if (found.length !== 1)
    throw new Error(`expected one code block starting with ${JSON.stringify(start)}, found ${found.length}`);
  return found[0]!;
}

/** The commands of a shell snippet, one a line, without `# comments`. */
export function commandsIn(snippet: string): string[] {
  return snippet
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

export interface Packed {
  readonly name: string;
  readonly version: string;
  /** The workspace folder, e.g. `packages/cli`. */
  readonly directory: string;
  /** Absolute path of the tarball. */
  readonly path: string;
  /** Paths inside the package. */
  readonly files: readonly string[];
  /** The tarball's sha512 integrity, as a lockfile records it. */
  readonly integrity: string;
}

/** `npm pack` for every workspace that is not private, into `destination`. */
export async function packWorkspaces(repo: string, destination: string): Promise<Packed[]> {
  mkdirSync(destination, { recursive: true });
  const { workspaces } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { workspaces: string[] };
  const publishable = workspaces.filter(
    (dir) => !(JSON.parse(readFileSync(join(repo, dir, 'package.json'), 'utf8')) as { private?: boolean }).private,
  );
  const result = await run(
    'npm',
    ['pack', '--json', '--pack-destination', destination, ...publishable.flatMap((dir) => ['--workspace', dir])],
    { cwd: repo, env: npmEnv() },
  );
  if (result.code !== 0) throw new Error(`npm pack failed: ${result.stderr}`);
  const packs = JSON.parse(result.stdout) as {
    name: string;
    version: string;
    filename: string;
    integrity: string;
    files: { path: string }[];
  }[];
  return packs.map((p) => {
    const directory = publishable.find(
      (dir) => (JSON.parse(readFileSync(join(repo, dir, 'package.json'), 'utf8')) as { name: string }).name === p.name,
    )!;
    return {
      name: p.name,
      version: p.version,
      directory,
      path: join(destination, p.filename),
      integrity: p.integrity,
      files: p.files.map((f) => f.path),
    };
  });
}

type LockEntry = Record<string, unknown> & {
  name?: string;
  version?: string;
  link?: boolean;
  resolved?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

/**
 * The registry tarball URL npm derives when a lockfile entry has no `resolved` (ours have none): the
 * cache knows the tarball by this URL, so an offline install needs no registry metadata.
 */
function registryUrl(name: string, version: string): string {
  const registry = (process.env.npm_config_registry ?? 'https://registry.npmjs.org/').replace(/\/?$/, '/');
  return `${registry}${name}/-/${name.slice(name.indexOf('/') + 1)}-${version}.tgz`;
}

/** What a new project installs: registry packages by their key in the root lockfile, and tarballs. */
export interface ProjectDependencies {
  /** Package name in the new project → its key in the root lockfile (`node_modules/typescript-7` for an alias). */
  readonly registry: Readonly<Record<string, string>>;
  readonly tarballs: readonly Packed[];
}

/**
 * A package.json and package-lock.json for a new project in `dir`, made from the root lockfile: the
 * closure of what the project installs, at the places the root tree has it (a valid tree: every
 * dependency resolves as it does in the repository), our packages from their tarballs. `npm ci
 * --offline` then installs from the cache `npm ci` filled: packages by integrity, no registry
 * metadata needed (an offline `npm install` would need it).
 */
export function projectLock(
  repo: string,
  dir: string,
  name: string,
  wanted: ProjectDependencies,
): { manifest: object; lockfile: object } {
  const root = (
    JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> }
  ).packages;
  const tarballOf = new Map(wanted.tarballs.map((t) => [t.name, t]));
  const relative = (path: string) => `file:${pathRelative(dir, path)}`;
  const out: Record<string, LockEntry> = {};
  const placed = new Map<string, string>(); // target key -> source key

  // Where a source key lands in the new project: workspaces under node_modules, aliases renamed.
  const aliases = new Map(
    Object.entries(wanted.registry)
      .filter(([pkg, key]) => key !== `node_modules/${pkg}`)
      .map(([pkg, key]) => [key, `node_modules/${pkg}`]),
  );
  const targetOf = (source: string): string => {
    for (const [from, to] of [
      ...aliases,
      ...[...tarballOf.values()].map((t) => [t.directory, `node_modules/${t.name}`] as const),
    ]) {
      if (source === from || source.startsWith(`${from}/`)) return to + source.slice(from.length);
    }
    return source;
  };
  const parentOf = (key: string): string => {
    const at = key.lastIndexOf('/node_modules/');
    return at === -1 ? '' : key.slice(0, at);
  };
  const resolveFrom = (from: string, dep: string): string | undefined => {
    for (let at: string | undefined = from; at !== undefined; at = at === '' ? undefined : parentOf(at)) {
      const key = `${at === '' ? '' : `${at}/`}node_modules/${dep}`;
      const entry = root[key];
      if (entry) return entry.link ? (entry.resolved as string) : key;
    }
    return undefined;
  };
  const visit = (source: string): void => {
    const target = targetOf(source);
    if (placed.has(target)) {
      if (placed.get(target) !== source)
        throw new Error(`${target} is wanted from both ${placed.get(target)} and ${source}`);
      return;
    }
    placed.set(target, source);
    const entry = root[source];
    if (!entry) throw new Error(`${source} is not in the root lockfile`);
    const { dev: _dev, devOptional: _devOptional, peer: _peer, devDependencies: _devDependencies, ...kept } = entry;
    const tarball = [...tarballOf.values()].find((t) => t.directory === source);
    if (entry.name?.startsWith('@secret-hygiene/') && !tarball)
      throw new Error(`${entry.name} is needed: pack and pass it`);
    out[target] = tarball
      ? { ...kept, resolved: relative(tarball.path), integrity: tarball.integrity }
      : {
          ...kept,
          resolved:
            kept.resolved ??
            registryUrl(entry.name ?? source.slice(source.lastIndexOf('node_modules/') + 13), entry.version!),
        };
    const optionalPeers = new Set(
      Object.entries(entry.peerDependenciesMeta ?? {})
        .filter(([, m]) => m.optional)
        .map(([d]) => d),
    );
    const deps = [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}).filter((d) => !optionalPeers.has(d)),
    ];
    for (const dep of deps) {
      const found = resolveFrom(source, dep);
      if (found) visit(found);
      else if (!(dep in (entry.optionalDependencies ?? {})))
        throw new Error(`${dep} (needed by ${source}) is not in the root lockfile`);
    }
  };

  const devDependencies: Record<string, string> = {};
  for (const [pkg, key] of Object.entries(wanted.registry)) {
    devDependencies[pkg] = root[key]!.version!;
    visit(key);
  }
  for (const t of wanted.tarballs) {
    devDependencies[t.name] = relative(t.path);
    visit(t.directory);
  }
  const manifest = { name, private: true, type: 'module', devDependencies };
  return {
    manifest,
    lockfile: { name, lockfileVersion: 3, requires: true, packages: { '': { name, devDependencies }, ...out } },
  };
}
