export * from './classify.js';
export { splitPath } from './split.js';
export { BUNDLED_ENV_PREFIXES, PUBLIC_WORDS, SECRET_KINDS } from './words.js';
