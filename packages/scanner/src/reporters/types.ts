import type { RuleInfo } from '../rules.js';
import type { ScanResult } from '../types.js';

/** Colour functions; identity functions when output is not a terminal. picocolors' object fits. */
export interface Colors {
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly blue: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
  readonly underline: (s: string) => string;
  readonly green: (s: string) => string;
}

export interface ReporterOptions {
  /** The rules for SARIF's rule table; default the scan's own (`result.rules`). */
  readonly rules?: readonly RuleInfo[];
  /** Text only; default no colour. */
  readonly colors?: Colors;
}

/** Turns a scan result into the text written to stdout. Receives redacted data only. */
export type Reporter = (result: ScanResult, options?: ReporterOptions) => string;

const identity = (s: string): string => s;

/** Colours that do nothing. */
export const noColors: Colors = {
  red: identity,
  yellow: identity,
  blue: identity,
  dim: identity,
  bold: identity,
  underline: identity,
  green: identity,
};
