import { describe, expect, it } from 'vitest';
import { DEFAULT_TEST_FILE_PATTERNS, globToRegExp, isTestFile } from '../src/test-files.js';

describe('isTestFile', () => {
  it('knows the usual test file names and folders', () => {
    for (const path of [
      'src/auth.test.ts',
      'src/auth.spec.tsx',
      'src/__tests__/a.ts',
      'src/__mocks__/db.ts',
      'test/a.ts',
      'packages/x/tests/fixtures/user.js',
    ]) {
      expect(isTestFile(path, DEFAULT_TEST_FILE_PATTERNS, '/repo'), path).toBe(true);
    }
  });

  it('does not take fixture apps or ordinary sources for tests', () => {
    for (const path of [
      'fixtures/leaky-app/src/payments.ts',
      'src/testing-utils.ts',
      'src/contest/entry.ts',
      'src/latest.ts',
    ]) {
      expect(isTestFile(path, DEFAULT_TEST_FILE_PATTERNS, '/repo'), path).toBe(false);
    }
  });

  it('judges paths relative to the root, so a checkout inside a tests folder is not all tests', () => {
    expect(isTestFile('/home/me/tests/app/src/payments.ts', DEFAULT_TEST_FILE_PATTERNS, '/home/me/tests/app')).toBe(
      false,
    );
    expect(
      isTestFile('/home/me/tests/app/src/payments.test.ts', DEFAULT_TEST_FILE_PATTERNS, '/home/me/tests/app'),
    ).toBe(true);
    expect(isTestFile('C:\\work\\app\\src\\a.spec.ts', DEFAULT_TEST_FILE_PATTERNS, 'C:\\work\\app')).toBe(true);
  });
});

describe('globToRegExp', () => {
  it('supports **, *, ? and {a,b}', () => {
    expect(globToRegExp('**/*.{test,spec}.*').test('a/b/c.spec.js')).toBe(true);
    expect(globToRegExp('e2e/**').test('e2e/login/flow.ts')).toBe(true);
    expect(globToRegExp('e2e/**').test('src/e2e.ts')).toBe(false);
    expect(globToRegExp('src/?.ts').test('src/a.ts')).toBe(true);
    expect(globToRegExp('src/?.ts').test('src/ab.ts')).toBe(false);
    expect(globToRegExp('*.ts').test('a/b.ts')).toBe(true);
  });
});
