export * from './api-location.js';
export * from './origin.js';
