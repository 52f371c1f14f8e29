import { describeStores } from './broken-stores.js';

describeStores('broken stores (2/2)', [
  'broken-rotation-double-encrypts',
  'broken-rotation-loses-rows',
  'broken-soft-delete',
  'broken-static-iv',
]);
