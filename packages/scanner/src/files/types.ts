/** A finding in a non-TypeScript file, before the scanner adds file, severity and fingerprint. */
export interface FileFinding {
  readonly ruleId: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** Already redacted. */
  readonly message: string;
}
