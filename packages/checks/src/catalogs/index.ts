export * from './env.js';
export * from './orm-columns.js';
export * from './crypto-apis.js';
export * from './sinks.js';
export * from './sources.js';
export * from './crypto-costs.js';
export * from './pass-through.js';
export * from './db-writes.js';
