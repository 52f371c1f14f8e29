import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as publicEntry from '../src/index.js';
import * as internalEntry from '../src/internal.js';

// The front door is explicit: a name joins the public API by a line in src/index.ts, never by
// `export *` of a layer. This list changes only on purpose.
const PUBLIC_RUNTIME_NAMES = [
  'DEFAULT_FILE_KIND_PATTERNS',
  'ENTROPY_DETECTOR_IDS',
  'SECRET_DETECTORS',
  'SECRET_KINDS',
  'allChecks',
  'checksById',
  'classifyName',
  'confidenceLevels',
  'defineCheck',
  'detectSecretLiteral',
  'docsUrl',
  'explainSecretValue',
  'fileKindOf',
  'fileKinds',
  'findSecretLiterals',
  'formatMessage',
  'hostedByEslint',
  'inputsOf',
  'isPlaceholder',
  'isSecretName',
  'looksLikeSecretValue',
  'meetsConfidence',
  'presetOptions',
  'readsInput',
  'redact',
  'runChecksOnFile',
  'runChecksOnTextFile',
  'splitPath',
  'splitWords',
];

describe('package entries', () => {
  it('the public entry exports exactly the check contract, registry, runners, file kinds, names, literals and redaction', () => {
    expect(Object.keys(publicEntry).sort()).toEqual([...PUBLIC_RUNTIME_NAMES].sort());
  });

  it('the internal entry holds the analysis layers the hosts use; the public one does not', () => {
    for (const name of [
      'accessPath',
      'valueSources',
      'envReadOf',
      'nonceOrigin',
      'readDdlColumns',
      'crashReason',
      'mergeOptions',
      'suppressionWithoutReason',
    ]) {
      expect(internalEntry, name).toHaveProperty(name);
      expect(publicEntry, name).not.toHaveProperty(name);
    }
  });

  it('package.json exports both entries from the built files', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, { types: string; default: string }>;
    };
    expect(manifest.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(manifest.exports['./internal']).toEqual({ types: './dist/internal.d.ts', default: './dist/internal.js' });
  });
});
