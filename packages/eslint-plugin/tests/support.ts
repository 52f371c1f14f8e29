// Helpers shared by the RuleTester suites (not a test file itself).

/**
 * Line and column (1-based) of the `nth` occurrence of `needle` in `code`, for readable
 * expectations: `{ messageId, ...locate(code, 'createHash') }`. A needle that is not there is a bug
 * in the test, and says so.
 */
export function locate(code: string, needle: string, nth = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = code.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`test bug: ${needle} occurs fewer than ${nth} times in the code`);
  }
  const before = code.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}
