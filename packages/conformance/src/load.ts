import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AdapterFactory } from './adapter.js';
import { SetupError } from './postgres/types.js';

/**
 * Loads an adapter module (a path, relative to `cwd`, or a package name) and returns its factory:
 * the `createAdapter` export, or the default export when that is a function.
 * @throws {SetupError} when the module cannot be loaded or exports no factory.
 */
export async function loadAdapter(specifier: string, cwd = process.cwd()): Promise<AdapterFactory> {
  const path = resolve(cwd, specifier);
  const target = existsSync(path) ? pathToFileURL(path).href : specifier;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(target)) as Record<string, unknown>;
  } catch (error) {
    throw new SetupError(`could not load adapter module ${specifier}: ${(error as Error).message}`);
  }
  const factory = mod.createAdapter ?? mod.default;
  if (typeof factory !== 'function') {
    throw new SetupError(`adapter module ${specifier} exports neither createAdapter nor a default factory function`);
  }
  return factory as AdapterFactory;
}
