export * from './detect.js';
