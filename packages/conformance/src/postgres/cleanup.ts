/**
 * Teardown that also runs on Ctrl-C: every resource the harness creates registers a cleanup here;
 * SIGINT/SIGTERM run them all (servers stopped, temporary directories removed) and then exit with
 * 130 (143 for SIGTERM), as a shell expects from an interrupted command.
 */
type Cleanup = () => Promise<void> | void;

const cleanups = new Set<Cleanup>();
let installed = false;
let interrupted = false;

async function runAll(): Promise<void> {
  const pending = [...cleanups].reverse();
  cleanups.clear();
  for (const cleanup of pending) {
    try {
      await cleanup();
    } catch {
      // Best effort: one failing cleanup must not stop the others.
    }
  }
}

/** True once SIGINT or SIGTERM started the cleanup: the process is about to exit 130/143, and says nothing more. */
export function wasInterrupted(): boolean {
  return interrupted;
}

function onSignal(signal: NodeJS.Signals): void {
  if (interrupted) return;
  interrupted = true;
  // Stopping the server ends every open connection and query in flight with an error: those are
  // expected now, and must not print a stack or change the exit code.
  process.on('uncaughtException', () => undefined);
  process.on('unhandledRejection', () => undefined);
  process.stderr.write(`\nconformance: ${signal} received, stopping PostgreSQL and removing temporary files\n`);
  void runAll().finally(() => {
    process.exit(signal === 'SIGTERM' ? 143 : 130);
  });
}

/**
 * Registers a cleanup; returns a function that runs it now and unregisters it. Signal handlers
 * are installed on first use only when `handleSignals` is true (the CLI), so a library user keeps
 * control of their process.
 */
export function registerCleanup(cleanup: Cleanup, handleSignals: boolean): () => Promise<void> {
  if (handleSignals && !installed) {
    installed = true;
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  let done = false;
  const entry: Cleanup = async () => {
    if (done) return;
    done = true;
    await cleanup();
  };
  cleanups.add(entry);
  return async () => {
    cleanups.delete(entry);
    await entry();
  };
}
