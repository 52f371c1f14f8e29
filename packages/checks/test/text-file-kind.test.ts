import { describe, expect, it } from 'vitest';
import { defineCheck, type Confidence, type TextFile } from '../src/check.js';
import { runChecksOnTextFile } from '../src/text/run.js';

const probe = defineCheck<Record<string, never>, 'x'>({
  id: 'probe',
  meta: {
    type: 'problem',
    description: 'Probe',
    messages: { x: 'x' },
    schema: {},
    defaultOptions: {},
    level: 'recommended',
    inputs: ['env'],
  },
  create: () => ({}),
  analyzeText(context) {
    context.report({ messageId: 'x', line: 1, column: 1 });
  },
});

function confidenceIn(path: string): Confidence | undefined {
  const file: TextFile = { kind: 'env', path, text: 'A=1', lines: ['A=1'], entries: [], tracked: true };
  let seen: Confidence | undefined;
  runChecksOnTextFile(file, {}, [
    { check: probe, options: { minConfidence: 'low' }, onReport: (r) => (seen = r.confidence) },
  ]);
  return seen;
}

describe('text files and file context', () => {
  it('an env template is judged by its folder, as the .env copied from it would be', () => {
    expect(confidenceIn('.env.example')).toBe('high');
    expect(confidenceIn('apps/api/.env.sample')).toBe('high');
    expect(confidenceIn('playground/env/.env.example')).toBe('low');
  });

  it('a template named for an environment is judged as the file it is copied to', () => {
    expect(confidenceIn('.env.dev-azure.example')).toBe('low');
    expect(confidenceIn('.env.dev.example')).toBe('low');
    expect(confidenceIn('apps/web/.env.test.sample')).toBe('low');
    expect(confidenceIn('.env.prod.example')).toBe('high');
    expect(confidenceIn('.env.local.example')).toBe('high');
    expect(confidenceIn('.env.vault')).toBe('high');
  });

  it('outside product code a text finding is low, as in TypeScript files', () => {
    expect(confidenceIn('.env')).toBe('high');
    expect(confidenceIn('playground/env/.env')).toBe('low');
    expect(confidenceIn('packages/vite/src/node/__tests__/env/.env.development')).toBe('low');
  });
});
