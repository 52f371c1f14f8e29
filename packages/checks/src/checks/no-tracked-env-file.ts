import { defineCheck } from '../check.js';
import { isEnvExample } from '../text/env-file.js';
import { secretSettingVerdict } from '../text/secret-settings.js';

export type NoTrackedEnvFileOptions = Record<string, never>;

/**
 * Flags a `.env` file that git tracks: real settings belong in the deployment environment, and only
 * an example holding placeholders (`.env.example`) belongs in the repository. Reads `.env` files
 * only, so the scanner hosts it and the ESLint plugin does not.
 */
export const noTrackedEnvFile = defineCheck<NoTrackedEnvFileOptions, 'trackedEnvFile'>({
  id: 'no-tracked-env-file',
  meta: {
    type: 'problem',
    description: 'Disallow .env files tracked by git, except examples holding placeholders',
    messages: {
      trackedEnvFile:
        '{{file}} is tracked by git: keep real settings out of the repository (add it to .gitignore) and commit a .env.example with placeholders.',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    level: 'recommended',
    inputs: ['env'],
  },
  create: () => ({}),
  analyzeText(context) {
    const { file } = context;
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    // Outside a repository the host cannot tell (`tracked` undefined): it says so, and every file counts.
    if (file.tracked === false || isEnvExample(name)) return;
    // High when the file holds a secret (as no-hardcoded-secret judges it at high); a tracked file of
    // public settings (`VITE_*` browser keys, paths, NODE_OPTIONS, an empty password) is a habit worth
    // fixing, not a leak: medium.
    const holdsSecret = file.entries.some((entry) => {
      const verdict = secretSettingVerdict(entry.key, entry.value, context.settings, () => false);
      return verdict !== undefined && (verdict.confidence === 'high' || verdict.liveCredential);
    });
    context.report({
      messageId: 'trackedEnvFile',
      data: { file: name },
      line: 1,
      column: 1,
      endLine: 1,
      confidence: holdsSecret ? 'high' : 'medium',
    });
  },
});
