/** A label planted in the corpus, or a finding of the plugin: file (relative to the corpus), line, rule. */
export interface CorpusLocation {
  readonly file: string;
  readonly line: number;
  readonly ruleId: string;
}

export interface CorpusLabel extends CorpusLocation {
  /** Planted as `expect-typed:`: only expected with type information. */
  readonly typed: boolean;
}

export interface RuleScore {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  /** `file:line`, relative to the corpus. */
  readonly falsePositives: readonly string[];
  readonly falseNegatives: readonly string[];
}

export interface CorpusMeasurement {
  readonly configName: string;
  readonly scores: Readonly<Record<string, RuleScore>>;
  /** Parse errors: a run with any is incomplete. */
  readonly fatal: readonly string[];
  /** Rule ids used in labels that the plugin does not have (typos). */
  readonly unknownLabels: readonly string[];
}

interface PluginLike {
  readonly rules: Record<string, unknown>;
  readonly configs: Record<string, { rules?: Record<string, unknown> } & object>;
}

export const CORPUS_DIR: string;
export function readCorpusLabels(): CorpusLabel[];
export function lintCorpus(
  plugin: PluginLike,
  configName: string,
): Promise<{ findings: CorpusLocation[]; fatal: string[] }>;
export function scoreCorpus(
  labels: readonly CorpusLocation[],
  findings: readonly CorpusLocation[],
  ruleIds: readonly string[],
): Record<string, RuleScore>;
export function measureCorpus(plugin: PluginLike, configName: string): Promise<CorpusMeasurement>;
export function formatTable(scores: Readonly<Record<string, RuleScore>>): string;
