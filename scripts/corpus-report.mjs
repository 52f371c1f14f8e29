#!/usr/bin/env node
// Prints the plugin's precision and recall per rule on the labelled corpus (test/corpus/), with every
// false positive and false negative as file:line, for both configs. Uses the BUILT plugin: run
// `npx tsc -b` first. Usage: node scripts/corpus-report.mjs [--config recommended|recommended-type-checked]
import plugin from '../packages/eslint-plugin/dist/index.js';
import { formatTable, measureCorpus } from '../test/support/corpus.mjs';

const args = process.argv.slice(2);
const only = args.includes('--config') ? args[args.indexOf('--config') + 1] : undefined;
const configs = only ? [only] : ['recommended-type-checked', 'recommended'];

let failed = false;
for (const configName of configs) {
  if (!plugin.configs[configName]) {
    console.error(`unknown config: ${configName}`);
    process.exit(2);
  }
  const { scores, fatal, unknownLabels } = await measureCorpus(plugin, configName);
  console.log(`\n## ${configName}\n`);
  if (fatal.length > 0) {
    failed = true;
    console.log(`Parse errors (the run is incomplete):\n${fatal.map((f) => `  ${f}`).join('\n')}\n`);
  }
  if (unknownLabels.length > 0) console.log(`Labels naming no rule of the plugin: ${unknownLabels.join(', ')}\n`);
  console.log(formatTable(scores));
  for (const [ruleId, s] of Object.entries(scores)) {
    if (s.fp + s.fn === 0) continue;
    console.log(`\n${ruleId}`);
    for (const where of s.falsePositives) console.log(`  FP test/corpus/${where}`);
    for (const where of s.falseNegatives) console.log(`  FN test/corpus/${where}`);
  }
}
process.exitCode = failed ? 1 : 0;
