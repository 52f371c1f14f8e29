import { describeStores } from './broken-stores.js';

describeStores('broken stores (5): copies the search must reach', ['broken-history-table', 'broken-prefix-column', 'broken-temp-file', 'broken-xor-obfuscation']);
