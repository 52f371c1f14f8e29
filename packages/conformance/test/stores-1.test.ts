import { describeStores } from './broken-stores.js';

describeStores('broken stores (1/2)', [
  'broken-base64',
  'broken-fail-open',
  'broken-inlined-sql',
  'broken-no-aad',
  'broken-plaintext-column',
]);
