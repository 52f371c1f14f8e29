import { describeStores } from './broken-stores.js';

describeStores('broken stores (3/3): output the harness must hear', ['broken-fd-logger', 'broken-deferred-log']);
