/**
 * Splitting names into words, whatever their case style: camelCase, PascalCase, snake_case,
 * SCREAMING_SNAKE, kebab-case, dotted paths, header names. Callers cache whole classifications
 * (`classifyName`), so splitting itself is made fast rather than cached twice.
 */

/**
 * Splits any identifier, path or header name into lower-case words.
 * `APIKeyV2` -> `api key v2`, `x-api-key` -> `x api key`, `sha256Hash` -> `sha256 hash`.
 * Digits stay with the letters before them (`sha256`, `oauth2`, `md5` are words); the classifier
 * splits them off itself.
 * A single pass over char codes: this runs for every name a check looks at.
 */
export function splitWords(name: string): string[] {
  const words: string[] = [];
  let start = -1;
  let previous = NONE;
  for (let i = 0; i < name.length; i++) {
    const cls = charClass(name.charCodeAt(i));
    if (cls === NONE) {
      if (start >= 0) words.push(name.slice(start, i).toLowerCase());
      start = -1;
    } else if (start < 0) {
      start = i;
    } else if (cls === UPPER && previous !== UPPER) {
      // `aB`, `1B`: a new word starts here. Digits stay with their letters (`sha256`, `oauth2`).
      words.push(name.slice(start, i).toLowerCase());
      start = i;
    } else if (cls === LOWER && previous === UPPER && i - start > 1) {
      // `JSONResponse`: the last capital of a run starts the next word.
      words.push(name.slice(start, i - 1).toLowerCase());
      start = i - 1;
    }
    previous = cls;
  }
  if (start >= 0) words.push(name.slice(start).toLowerCase());
  return words;
}

const NONE = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;

function charClass(code: number): number {
  if (code >= 97 && code <= 122) return LOWER;
  if (code >= 65 && code <= 90) return UPPER;
  if (code >= 48 && code <= 57) return DIGIT;
  return NONE;
}

/**
 * Splits a property path into its segments: `config.db.password` -> `config db password`,
 * `req.headers['x-api-key']` -> `req headers x-api-key`, `user?.token` -> `user token`.
 */
export function splitPath(name: string): readonly string[] {
  if (!/[.[\]'"`]/.test(name)) return [name];
  const segments = name.split(/\?\.|[.[\]'"`]+/).filter((s) => /[A-Za-z0-9]/.test(s));
  return segments.length > 0 ? segments : [name];
}
