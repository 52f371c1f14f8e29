export * from './syntax.js';
export * from './scope.js';
export * from './values.js';
