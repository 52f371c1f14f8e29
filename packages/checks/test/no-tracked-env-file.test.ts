import { describe, expect, it } from 'vitest';
import type { Confidence, TextEntry, TextFile } from '../src/check.js';
import { noTrackedEnvFile } from '../src/checks/no-tracked-env-file.js';
import { runChecksOnTextFile } from '../src/text/run.js';

function envFile(path: string, settings: Record<string, string>, tracked: boolean | undefined = true): TextFile {
  const lines = Object.entries(settings).map(([k, v]) => `${k}=${v}`);
  const entries: TextEntry[] = Object.entries(settings).map(([key, value], i) => ({
    key,
    value,
    line: i + 1,
    column: 1,
    endLine: i + 1,
    endColumn: 1 + key.length + 1 + value.length,
  }));
  return { kind: 'env', path, text: lines.join('\n'), lines, entries, tracked };
}

function reported(file: TextFile, minConfidence: Confidence = 'high'): (Confidence | undefined)[] {
  const out: (Confidence | undefined)[] = [];
  runChecksOnTextFile(file, {}, [
    { check: noTrackedEnvFile, options: { minConfidence }, onReport: (r) => out.push(r.confidence) },
  ]);
  return out;
}

const SECRET = 'q8Xv2LmN9pRt' + '4sKw7YzHk3nP';

describe('no-tracked-env-file', () => {
  it('a tracked .env holding a secret is high', () => {
    expect(reported(envFile('.env', { JWT_SECRET: SECRET, PORT: '3000' }))).toEqual(['high']);
  });

  it('a tracked .env of public settings is medium: strict only', () => {
    const file = envFile('.env', {
      VITE_API_URL: 'https://api.example.com',
      NODE_OPTIONS: '--max-old-space-size=8192',
      DB_PASSWORD: '',
    });
    expect(reported(file)).toEqual([]);
    expect(reported(file, 'medium')).toEqual(['medium']);
  });

  it('browser keys under a bundled prefix are public settings; a secret beside them, or a live one, is high', () => {
    const browser = envFile('packages/client/.env.production', {
      REACT_APP_ANALYTICS_API_KEY: SECRET,
      NX_REACT_APP_BILLING_API_KEY: SECRET,
      VITE_API_URL: 'https://api.example.com',
    });
    expect(reported(browser)).toEqual([]);
    expect(reported(browser, 'medium')).toEqual(['medium']);
    expect(reported(envFile('.env', { VITE_MAPS_KEY: SECRET, JWT_SECRET: SECRET }))).toEqual(['high']);
    const live = 'sk_live_' + '51HqLyjWDarjtT1zdp7dc' + 'xTYQ8sWmN3pR';
    expect(reported(envFile('.env', { REACT_APP_STRIPE_KEY: live }))).toEqual(['high']);
  });

  it('untracked files and examples are never reported', () => {
    expect(reported(envFile('.env', { JWT_SECRET: SECRET }, false), 'low')).toEqual([]);
    expect(reported(envFile('.env.example', { JWT_SECRET: 'changeme' }), 'low')).toEqual([]);
  });

  it('a tracked .env in a test folder is low', () => {
    expect(reported(envFile('packages/vite/src/node/__tests__/env/.env', { JWT_SECRET: SECRET }), 'low')).toEqual([
      'low',
    ]);
  });
});
