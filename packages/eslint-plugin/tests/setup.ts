// Wires typescript-eslint's RuleTester to vitest once, for every suite in this package.
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

// Typed cases lint files in tests/fixtures/, which the shared file classification calls test code
// (where findings are capped at low confidence). These cases stand for product code.
RuleTester.setDefaultConfig({
  settings: { 'secret-hygiene': { fileKinds: { product: ['**/eslint-plugin/tests/fixtures/**'] } } },
});
