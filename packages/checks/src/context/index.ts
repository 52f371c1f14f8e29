export * from './file-kind.js';
export * from './branch.js';
export * from './runtime.js';
