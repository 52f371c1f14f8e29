import { noTrackedEnvFile } from '@secret-hygiene/checks/internal';
import { describe, expect, it } from 'vitest';
import { compileGlobs, parseDiff, readSuppressions, validateConfig, ConfigError } from '../src/index.js';
import { flagName } from './helpers.js';

describe('globs', () => {
  it('matches names at any depth, directories with everything below, ** and braces', () => {
    const ignored = compileGlobs(['*.gen.ts', 'legacy/', 'src/**/fixtures/**', 'a/{b,c}/*.js']);
    expect(
      ['x.gen.ts', 'deep/y.gen.ts', 'legacy/a.ts', 'src/legacy/b.ts', 'src/x/fixtures/y.ts', 'a/c/z.js'].every(ignored),
    ).toBe(true);
    expect(['x.ts', 'src/fixtures.ts', 'a/d/z.js', 'legacyx/a.ts'].some(ignored)).toBe(false);
  });
});

describe('git diff', () => {
  it('reads changed new-side lines, new files and untracked files', () => {
    const diff = [
      'diff --git a/src/a.ts b/src/a.ts',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@ -3,0 +4,2 @@',
      '+x',
      '+y',
      '@@ -10 +12 @@',
      'diff --git a/new.ts b/new.ts',
      '--- /dev/null',
      '+++ b/new.ts',
      '@@ -0,0 +1,3 @@',
      'diff --git a/gone.ts b/gone.ts',
      '--- a/gone.ts',
      '+++ /dev/null',
    ].join('\n');
    const changed = parseDiff(diff, ['untracked.ts']);
    expect([...(changed.get('src/a.ts') as Set<number>)]).toEqual([4, 5, 12]);
    expect(changed.get('new.ts')).toBe('all');
    expect(changed.get('untracked.ts')).toBe('all');
    expect(changed.has('gone.ts')).toBe(false);
  });
});

describe('suppression comments', () => {
  it('reads rule ids and reasons after //, /*, # and -- starting a line, never inside strings', () => {
    expect(
      readSuppressions([
        '  // secret-hygiene-ignore-next-line a, b -- because',
        '# secret-hygiene-ignore-next-line c',
        '-- secret-hygiene-ignore-next-line d -- sql reason',
        '/* secret-hygiene-ignore-next-line e -- block */',
        'const s = "secret-hygiene-ignore-next-line"',
        "const t = '// secret-hygiene-ignore-next-line x';",
        'f(); // secret-hygiene-ignore-next-line y -- trailing comments are not directives',
      ]),
    ).toEqual([
      { line: 1, column: 3, ruleIds: ['a', 'b'], reason: 'because' },
      { line: 2, column: 1, ruleIds: ['c'], reason: '' },
      { line: 3, column: 1, ruleIds: ['d'], reason: 'sql reason' },
      { line: 4, column: 1, ruleIds: ['e'], reason: 'block' },
    ]);
  });
});

describe('config validation', () => {
  const valid = (raw: unknown) => validateConfig(raw, 'test', [flagName, noTrackedEnvFile]);
  it('accepts a full config', () => {
    const config = {
      preset: 'strict',
      settings: { extraSecretWords: ['pin'] },
      rules: { 'flag-name': ['warning', { name: 'x' }], 'no-tracked-env-file': 'off' },
      ignore: ['a/'],
      maxFileSize: 10,
    };
    expect(valid(config)).toEqual(config);
  });
  it.each([
    [{ rules: { 'no-such-rule': 'error' } }, 'unknown rule'],
    [{ rules: { 'flag-name': 'fatal' } }, 'expected "error"'],
    [{ rules: { 'flag-name': ['error', { nam: 'x' }] } }, 'unknown property "nam"'],
    [{ rules: { 'flag-name': ['error', { name: 3 }] } }, 'expected string'],
    [{ ignore: 'a' }, 'expected array'],
    [{ colour: true }, 'unknown property "colour"'],
    [{ maxFileSize: 0 }, 'at least 1'],
  ])('rejects %j', (raw, message) => {
    expect(() => valid(raw)).toThrow(ConfigError);
    expect(() => valid(raw)).toThrow(message);
  });
});
