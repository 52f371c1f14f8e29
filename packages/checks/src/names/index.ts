export * from './classify.js';
export { splitPath } from './split.js';
export { PUBLIC_WORDS, SECRET_KINDS } from './words.js';
