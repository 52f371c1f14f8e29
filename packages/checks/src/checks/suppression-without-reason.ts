import { defineCheck } from '../check.js';

export type SuppressionWithoutReasonOptions = Record<string, never>;

/**
 * Requires a reason on every `secret-hygiene-ignore-next-line` comment. It has no visitor: the
 * scanner's suppression stage reads the comments of every file it scans (code, .env, SQL, YAML...)
 * and reports with these messages, so the rule is defined here once, beside every other rule.
 */
export const suppressionWithoutReason = defineCheck<SuppressionWithoutReasonOptions, 'withoutReason' | 'withoutRule'>({
  id: 'suppression-without-reason',
  meta: {
    type: 'suggestion',
    description: 'Require a reason on every inline suppression comment',
    messages: {
      withoutReason:
        'This suppression has no reason ({{rules}}): write `-- <why>` after the rule ids; until then it suppresses nothing.',
      withoutRule:
        'This suppression names no rule id: write the rule ids to ignore, then `-- <why>`; until then it suppresses nothing.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    level: 'recommended',
    scope: 'program',
    inputs: ['typescript', 'env', 'config', 'toml', 'npmrc', 'prisma', 'sql', 'private-key'],
  },
  create: () => ({}),
});
