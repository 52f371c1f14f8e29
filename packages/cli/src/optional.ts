/** A package a command needs that is an optional install (an optional peer of the CLI). */
export class MissingPackageError extends Error {
  override readonly name = 'MissingPackageError';
}

/**
 * Loads an optional package through `load` (a literal `import()`, so bundlers and TypeScript see it).
 * @throws {MissingPackageError} one line naming the package and the command that installs it, when
 *   the package itself cannot be found; any other load error (a missing file inside it, a syntax
 *   error) is rethrown unchanged.
 */
export async function importOptional<T>(name: string, load: () => Promise<T>, purpose: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isPackageNotFound(error, name)) {
      throw new MissingPackageError(`${purpose} needs ${name}, which is not installed: npm install --save-dev ${name}`);
    }
    throw error;
  }
}

/** Node's "Cannot find package 'x' imported from ..." for exactly this package. */
function isPackageNotFound(error: unknown, name: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'ERR_MODULE_NOT_FOUND' && typeof message === 'string' && message.includes(`'${name}'`);
}
