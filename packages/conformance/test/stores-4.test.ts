import { describeStores } from './broken-stores.js';

describeStores('broken stores (4): records spread over columns, tags, associated data', [
  'broken-nonce-column-no-aad',
  'broken-short-tag',
  'broken-aad-fallback',
]);
