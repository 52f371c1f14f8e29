export * from './api-location.js';
export * from './origin.js';
export * from './cipher-call.js';
export * from './crypto-lookup.js';
