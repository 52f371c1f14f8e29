export * from './classify.js';
export { splitPath } from './split.js';
export { SECRET_KINDS } from './words.js';
