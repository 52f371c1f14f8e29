import { presetOptions, type Check } from '@secret-hygiene/checks';
import { mergeOptions } from '@secret-hygiene/checks/internal';
import { ruleEntry, type ScanConfig } from '../config.js';
import { checkSeverity } from '../rules.js';
import type { Severity } from '../types.js';

/** A check switched on for this scan, with its severity and its options merged once (defaults, preset, user). */
export interface EnabledCheck {
  readonly check: Check<any, string>;
  readonly severity: Severity;
  readonly options: Record<string, unknown>;
}

/** Stage 1: the checks the config turns on, each with the options every input kind runs it with. */
export function resolveChecks(config: ScanConfig, checks: readonly Check<any, string>[]): EnabledCheck[] {
  return checks.flatMap((check) => {
    const entry = ruleEntry(config, check.id);
    const severity = entry.setting ?? checkSeverity(check);
    if (severity === 'off') return [];
    const preset = presetOptions(check, config.preset ?? 'recommended');
    const options = mergeOptions(
      mergeOptions(check.meta.defaultOptions as Record<string, unknown>, preset),
      entry.options,
    );
    return [{ check, severity, options }];
  });
}
