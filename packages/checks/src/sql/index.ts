export * from './ddl.js';
export * from './column-verdict.js';
