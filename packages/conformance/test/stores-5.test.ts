import { describeStores } from './broken-stores.js';

describeStores('broken stores (5): copies the search must reach', [
  'broken-history-table',
  'broken-prefix-column',
  'broken-temp-file',
  'broken-fixed-tmp-path',
  'broken-xor-obfuscation',
]);
