export * from './ddl.js';
export * from './column-verdict.js';
export * from './history.js';
