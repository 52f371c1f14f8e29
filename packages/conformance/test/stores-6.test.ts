import { describeStores } from './broken-stores.js';

describeStores('broken stores (6): nonces that repeat only sometimes', [
  'broken-counter-nonce',
  'broken-clock-nonce',
  'broken-batch-nonce',
]);
