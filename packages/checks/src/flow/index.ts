export * from './context.js';
export * from './aliases.js';
export * from './sanitizers.js';
export * from './values.js';
export * from './sinks.js';
