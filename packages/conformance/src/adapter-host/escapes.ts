import type { EscapedError } from './host.js';

const describe = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/**
 * For a store run in the harness's own process (an adapter given as a function): an error it lets
 * escape (an unhandled rejection, a throwing timer) is passed to `onEscaped` instead of ending the
 * process without a report, as the store process does for a module adapter (child.mjs, same
 * wording). Returns the function that stops listening (call it when the run ends).
 */
export function catchEscapedErrors(onEscaped: (error: EscapedError) => void): () => void {
  const rejection = (reason: unknown): void =>
    onEscaped({ kind: 'an unhandled promise rejection', message: describe(reason) });
  const exception = (error: unknown): void =>
    onEscaped({ kind: 'an uncaught exception (a throwing timer or event handler)', message: describe(error) });
  process.on('unhandledRejection', rejection);
  process.on('uncaughtException', exception);
  return () => {
    process.removeListener('unhandledRejection', rejection);
    process.removeListener('uncaughtException', exception);
  };
}
