export * from './check.js';
export * from './run.js';
export * from './ast/index.js';
export * from './checks/index.js';
export * from './names/index.js';
export * from './literals/index.js';
export * from './catalogs/index.js';
export * from './sql/index.js';
