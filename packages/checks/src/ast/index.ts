export * from './syntax.js';
export * from './scope.js';
