import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { ts } from 'ts-morph';
import type { DiscoveredFile } from '../discover.js';
import { readTsconfig, type TsconfigContents } from './project.js';

/** A declaration file's name: what a trimmed program keeps of its tsconfig's file list. */
const DECLARATION = /\.d\.[mc]?ts$/i;

/** The names a directory's own project file has, preferred first (TypeScript's language service looks for these). */
const PROJECT_FILE_NAMES = ['tsconfig.json', 'jsconfig.json'] as const;

/** Whether a discovered file is a directory's project file (`tsconfig.json`, `jsconfig.json`). */
export function isProjectFile(file: DiscoveredFile): boolean {
  return file.kind === 'config' && (PROJECT_FILE_NAMES as readonly string[]).includes(basename(file.path));
}

/** One program to build: a tsconfig (or the default options) and the scanned files it checks. */
export interface ProgramPlan {
  /** Absolute tsconfig path; undefined: the default program. */
  readonly tsconfig: string | undefined;
  /** The tsconfig as read when the files were assigned (so it is read once). */
  readonly config: TsconfigContents | undefined;
  /** The scanned files this program checks; every scanned file is in exactly one plan. */
  readonly files: DiscoveredFile[];
}

export interface ProgramPlanning {
  /** Programs in a stable order: tsconfigs by path, the default program last. */
  readonly plans: ProgramPlan[];
  /** Tsconfigs that could not be read (their files go to the default program), with the reason. */
  readonly unreadable: { tsconfig: string; message: string }[];
}

export interface PlanInput {
  readonly root: string;
  /** Absolute scanned paths. */
  readonly paths: readonly string[];
  /** The TS/JS files to scan. */
  readonly files: readonly DiscoveredFile[];
  /** Project files found by discovery (so ignores and `node_modules` pruning apply to them too). */
  readonly projectFiles: readonly string[];
  /** The tsconfig the scan used before it read every one: it keeps every file it includes. */
  readonly primary: string | undefined;
}

interface Project {
  readonly path: string;
  readonly config: TsconfigContents | undefined;
  /** Resolved paths of the files the tsconfig lists itself. */
  readonly owns: ReadonlySet<string>;
  /** The tsconfigs it references, resolved to files. */
  readonly references: readonly string[];
  /** Solution-style: lists no file and references others (`files: []` + `references`). */
  readonly solution: boolean;
  /** Why it cannot be read (then `config` is undefined). */
  readonly problem?: string;
}

/**
 * Gives each scanned file the project it compiles in, as typescript-eslint's project service and
 * `tsc -b` see it: the tsconfig the scan used so far (the given directory's or the root's) when it
 * includes the file; else the nearest enclosing tsconfig whose file list includes it (solution-style
 * tsconfigs lead to the ones they reference); else the nearest enclosing one that is not
 * solution-style (which adds the file, as it always did); else the default program. A tsconfig that
 * cannot be read owns nothing: files whose nearest tsconfig it is go to the default program.
 */
export function planPrograms(input: PlanInput): ProgramPlanning {
  const primary = input.primary ? readProject(resolve(input.primary)) : undefined;
  // The common case, a single-project repository: no other tsconfig needs reading (or globbing).
  if (primary?.config && input.files.every((f) => primary.owns.has(resolve(f.path))))
    return { plans: [{ tsconfig: primary.path, config: primary.config, files: [...input.files] }], unreadable: [] };
  const projects = readProjects(input, primary);
  const unreadable = [...projects.values()].flatMap((p) =>
    p.problem === undefined ? [] : [{ tsconfig: p.path, message: p.problem }],
  );
  // Every project by directory: the directory's own files first (tsconfig.json before jsconfig.json),
  // then the others (reached by references) in the order found.
  const byDir = new Map<string, Project[]>();
  for (const project of projects.values()) {
    const dir = dirname(project.path);
    const list = byDir.get(dir) ?? [];
    list.push(project);
    byDir.set(dir, list);
  }
  const rank = (p: Project) => {
    const i = (PROJECT_FILE_NAMES as readonly string[]).indexOf(basename(p.path));
    return i < 0 ? PROJECT_FILE_NAMES.length : i;
  };
  for (const list of byDir.values()) list.sort((a, b) => rank(a) - rank(b));
  const assigned = new Map<Project | undefined, DiscoveredFile[]>();
  for (const file of input.files) {
    const path = resolve(file.path);
    const project = primary?.owns.has(path) ? primary : projectOf(path, byDir, input.root);
    const list = assigned.get(project) ?? [];
    list.push(file);
    assigned.set(project, list);
  }
  const plans = [...assigned]
    .map(([project, files]) => ({
      tsconfig: project?.config ? project.path : undefined,
      config: project?.config,
      files,
    }))
    // An unreadable tsconfig's files and the default program's are one program.
    .reduce<ProgramPlan[]>((merged, plan) => {
      const same = merged.find((m) => m.tsconfig === plan.tsconfig);
      if (same) same.files.push(...plan.files);
      else merged.push(plan);
      return merged;
    }, [])
    .sort((a, b) => (a.tsconfig === undefined ? 1 : b.tsconfig === undefined ? -1 : a.tsconfig < b.tsconfig ? -1 : 1));
  if (plans.length === 1) return { plans, unreadable };
  // Several programs: each starts from the files it checks and the declarations its tsconfig lists
  // (global types), and takes what they import. Not the tsconfig's other files: those a nearer
  // tsconfig owns would be parsed twice (a root jsconfig.json lists every .js file of the
  // repository), and those the scan leaves out (ignored, generated) were never to be checked.
  const trimmed = plans.map((plan) =>
    plan.config
      ? { ...plan, config: { ...plan.config, rootNames: plan.config.rootNames.filter((f) => DECLARATION.test(f)) } }
      : plan,
  );
  return { plans: trimmed, unreadable };
}

function projectOf(path: string, byDir: ReadonlyMap<string, Project[]>, root: string): Project | undefined {
  let fallback: Project | undefined;
  for (const dir of enclosingDirs(path, root)) {
    const here = byDir.get(dir) ?? [];
    const owner = here.find((p) => p.owns.has(path));
    if (owner) return owner;
    fallback ??= here.find((p) => !p.solution);
  }
  return fallback;
}

/** The directories from a file's own up to the root (or the filesystem's top when the file is outside it). */
function* enclosingDirs(path: string, root: string): Generator<string> {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    yield dir;
    if (dir === root || dirname(dir) === dir) return;
  }
}

/**
 * Reads every candidate tsconfig: the primary one, the discovered project files, those of the
 * scanned paths' directories up to the root, and every tsconfig these reference (transitively).
 */
function readProjects(input: PlanInput, primary: Project | undefined): Map<string, Project> {
  const projects = new Map<string, Project>();
  const queue: string[] = [];
  const add = (project: Project): void => {
    projects.set(project.path, project);
    // A reference that does not exist is TypeScript's error to report (`tsc -b`), not a file to read.
    queue.push(...project.references.filter((ref) => existsSync(ref)));
  };
  if (primary) add(primary);
  queue.push(...input.projectFiles.map((p) => resolve(p)));
  for (const scanned of input.paths)
    for (const dir of enclosingDirs(join(scanned, 'x'), input.root))
      for (const name of PROJECT_FILE_NAMES) if (existsSync(join(dir, name))) queue.push(join(dir, name));
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (!projects.has(path) && !path.split(sep).includes('node_modules')) add(readProject(path));
  }
  return projects;
}

function readProject(path: string): Project {
  let config: TsconfigContents | undefined;
  let problem: string | undefined;
  try {
    config = readTsconfig(path);
  } catch (error) {
    problem = (error as Error).message;
  }
  const references = (config?.references ?? []).map((ref) => resolve(ts.resolveProjectReferencePath(ref)));
  return {
    path,
    config,
    owns: new Set(config?.rootNames.map((f) => resolve(f)) ?? []),
    references,
    solution: config !== undefined && config.rootNames.length === 0 && references.length > 0,
    ...(problem === undefined ? {} : { problem }),
  };
}
