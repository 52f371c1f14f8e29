/**
 * What a scan is doing, for progress output, besides each analysed file (`onProgress`): the files
 * were found, or the TypeScript program is being built (one long step that reports nothing inside).
 */
export type ScanPhaseEvent =
  | { readonly phase: 'discovered'; readonly files: number; readonly skipped: number }
  | {
      readonly phase: 'building-program';
      /** The scanned files this program checks. */
      readonly files: number;
      /** Which program, when the scan builds one per tsconfig (`tsconfig` relative to the root; null: default options). */
      readonly program?: { readonly index: number; readonly count: number; readonly tsconfig: string | null };
    };
