/**
 * Function summaries: what a function does with its parameters, computed from its body by the same
 * recognisers the checks use, with every parameter standing as a source. `parameterSinks` says which
 * parameters reach a check's sink, `returnedParameters` which come back in the return value; a call
 * site then asks `crossFunctionFlows` what secrets it hands to such a parameter. Lazy, cached per
 * program and declaration, bounded, and never throwing.
 */
export * from './parameters.js';
export * from './sinks.js';
export * from './describe.js';
export { MAX_SUMMARY_DEPTH } from './store.js';
export { functionsAround, type CalleeNames } from './reach.js';
