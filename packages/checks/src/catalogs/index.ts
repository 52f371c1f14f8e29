export * from './env.js';
export * from './orm-columns.js';
