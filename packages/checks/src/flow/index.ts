/**
 * The small intraprocedural data-flow the checks share. Start with `createFlowContext(ts, {
 * checker, settings })`, then ask `valueSources(ctx, expr)` what secrets an expression carries
 * (each with its `SecretSource` and the sub-expression it enters through), `sinkOfCall(ctx, call)`
 * whether a call logs its arguments, or `calleeTarget` / `expandedPath` / `originOf` to see
 * through aliases. Sources and sinks themselves are data in `../catalogs`.
 */
export * from './context.js';
export * from './aliases.js';
export * from './sanitizers.js';
export * from './values.js';
export * from './sinks.js';
export * from './evidence.js';
export * from './env-reads.js';
export * from './sources.js';
export * from './sink-names.js';
export * from './source-names.js';
export * from './summaries/index.js';
export * from './callees.js';
export * from './references.js';
