import type { ScanOptions, ScanPhaseEvent } from '@secret-hygiene/scanner';

/** The scan callbacks a progress display listens on. */
export type ProgressListener = Pick<ScanOptions, 'onProgress' | 'onPhase'>;

/** Where progress goes (stderr, never stdout: stdout may be a SARIF or JSON report). */
interface ProgressStream {
  write(text: string): unknown;
}

/** Milliseconds from some fixed start; tests pass a fake one. */
export type Clock = () => number;

/** How often a CI log gets a progress line. */
export const CI_PROGRESS_INTERVAL_MS = 5000;

/** On a terminal: one line redrawn in place (`scanning 12/340`), at most every 100 ms, erased at the end. */
export function terminalProgress(stream: ProgressStream, now: Clock = Date.now): ProgressListener {
  let lastDraw = 0;
  return {
    onProgress: (done, total) => {
      const time = now();
      if (time - lastDraw < 100 && done < total) return;
      lastDraw = time;
      stream.write(`\r\x1b[Kscanning ${done}/${total}`);
      if (done === total) stream.write('\r\x1b[K');
    },
  };
}

/**
 * In a CI log (not a terminal, where `\r` redraws become one line per draw): one line when the
 * TypeScript program starts being built (the one long step that reports nothing inside: without it a
 * large project's log stays silent for a minute), then a plain line at most every `intervalMs`, saying
 * the phase, counts and time so far.
 */
export function logProgress(
  stream: ProgressStream,
  { intervalMs = CI_PROGRESS_INTERVAL_MS, now = () => performance.now() }: { intervalMs?: number; now?: Clock } = {},
): ProgressListener {
  const start = now();
  let last = start;
  let found = '';
  const line = (text: string, always = false): void => {
    const time = now();
    if (!always && time - last < intervalMs) return;
    last = time;
    stream.write(`secret-hygiene: ${text} (${Math.round((time - start) / 1000)}s)\n`);
  };
  return {
    onPhase: (event: ScanPhaseEvent) => {
      if (event.phase === 'discovered') {
        found = `${event.files} files to scan, ${event.skipped} skipped`;
        line(`found ${found}`);
      } else if (event.program && event.program.count > 1) {
        const { index, count, tsconfig } = event.program;
        line(`program ${index}/${count}: ${tsconfig ?? 'default options'}, ${event.files} files`, true);
      } else {
        line(`building the TypeScript program over ${event.files} files${found ? ` (of ${found})` : ''}`, true);
      }
    },
    onProgress: (done, total) => line(`analysed ${done}/${total} files (${Math.floor((done / total) * 100)}%)`),
  };
}
