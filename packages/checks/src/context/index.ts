export * from './file-kind.js';
export * from './branch.js';
