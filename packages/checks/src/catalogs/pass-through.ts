// How values carry a secret through calls: data for the flow layer (`../flow/values.ts`) and the checks.

/**
 * Functions whose result carries whatever their arguments carry: `String(x)`, `JSON.stringify(x)`,
 * `util.format('%s', x)`, `Buffer.from(x)`. A plain entry matches a bare call, a dotted one the
 * end of the callee path.
 */
export const PASS_THROUGH_FUNCTIONS: readonly string[] = [
  'String',
  'JSON.stringify',
  'util.format',
  'util.inspect',
  'format',
  'inspect',
  'Buffer.from',
  'Buffer.concat',
  'encodeURIComponent',
  'encodeURI',
  'btoa',
  'atob',
  'escape',
  'Object.assign',
  'Object.values',
  'Object.entries',
  'structuredClone',
  'Array.from',
  'Array.of',
  'querystring.stringify',
  'qs.stringify',
];

/**
 * Methods whose result carries what their receiver carries: `token.trim()`,
 * `decipher.final().toString('utf8')`, `header.split(' ')`. `slice`, `substring` and `substr` only
 * with a single argument: `token.slice(7)` strips a `Bearer ` prefix, `token.slice(0, 4)` is a
 * deliberate short prefix.
 */
export const PASS_THROUGH_METHODS: readonly string[] = [
  'toString',
  'toJSON',
  'valueOf',
  'trim',
  'trimStart',
  'trimEnd',
  'toUpperCase',
  'toLowerCase',
  'toLocaleUpperCase',
  'toLocaleLowerCase',
  'normalize',
  'padStart',
  'padEnd',
  'replace',
  'replaceAll',
  'concat',
  'split',
  'join',
  'repeat',
  'toWellFormed',
  'flat',
  'reverse',
];
