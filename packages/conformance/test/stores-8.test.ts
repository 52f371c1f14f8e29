import { describeStores } from './broken-stores.js';

describeStores(
  'broken stores (8): a default key, caches outside the store directories or written at shutdown, a nonce counter per process, plaintext in a rotation, null for an error, debug output',
  [
    'broken-dev-key-fallback',
    'broken-home-cache',
    'broken-tmp-subdir',
    'broken-process-counter-nonce',
    'broken-rotation-staging',
    'broken-cache-on-shutdown',
    'broken-null-on-failure',
    'broken-debuglog',
  ],
);

describeStores('correct stores in other styles than the reference: no false failure', [
  'correct-node-crypto',
  'correct-envelope-columns',
  'correct-text-record',
  'correct-read-cache',
]);
