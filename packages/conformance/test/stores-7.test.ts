import { describeStores } from './broken-stores.js';

describeStores('broken stores (7): copies and keys the leak search had not reached, an IV its MAC does not cover', [
  'broken-hash-column',
  'broken-key-in-database',
  'broken-raw-data-key',
  'broken-short-plaintext',
  'broken-long-plaintext',
  'broken-preview-prefix',
  'broken-display-suffix',
  'broken-unauthenticated-iv',
]);
