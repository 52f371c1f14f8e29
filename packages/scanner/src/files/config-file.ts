import type { TextEntry } from '@secret-hygiene/checks';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { ReadEntries } from './types.js';

/**
 * The string settings of a JSON or YAML file (JSON is read as YAML 1.2, which it is), each under its
 * innermost key; items of a list take the list's key. Returns the parse error instead when the file is not valid.
 */
export function readConfigEntries(text: string, jsonc = false): ReadEntries {
  const source = jsonc ? blankJsonComments(text) : text;
  const json = jsonc ? readJsonEntries(source) : undefined;
  if (json) return { entries: json };
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(source, {
    lineCounter,
    uniqueKeys: false,
    prettyErrors: false,
  });
  const docs = Array.isArray(documents) ? documents : [documents];
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const pos = lineCounter.linePos(error.pos[0]);
      return { entries: [], error: { line: pos.line, column: pos.col, message: error.message.split('\n')[0]! } };
    }
  }
  const entries: TextEntry[] = [];
  const visitNode = (node: unknown, key: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const name = isScalar(pair.key) ? String(pair.key.value) : key;
        visitNode(pair.value, name);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visitNode(item, key);
    } else if (isScalar(node) && typeof node.value === 'string' && node.range) {
      const start = lineCounter.linePos(node.range[0]);
      const end = lineCounter.linePos(node.range[1]);
      entries.push({
        key,
        value: node.value,
        line: start.line,
        column: start.col,
        endLine: end.line,
        endColumn: end.col,
      });
    }
  };
  for (const doc of docs) visitNode(doc.contents as YamlNode | null, '');
  return { entries };
}

/**
 * The entries `readConfigEntries` reads through YAML, read from valid JSON directly: the same keys,
 * values and positions (a quoted value's range starts at its opening quote and ends after its
 * closing one), at a small part of the cost (a 430 kB JSON map took 3 s through YAML, a seventh of a
 * scan of umami). Undefined when `text` is not plain JSON (`JSON.parse` fails): YAML reads it.
 */
export function readJsonEntries(text: string): TextEntry[] | undefined {
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  /** 1-based line and column of an offset, as YAML's `LineCounter.linePos` gives them. */
  const linePos = (offset: number): { line: number; col: number } => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, col: offset - lineStarts[low]! + 1 };
  };
  // Per open object or array: the key its values are read under (an object's: the key before each
  // value; an array's: the key of the array itself, as YAML lists take their key).
  const open: { object: boolean; key: string }[] = [];
  let key = '';
  let expectingKey = false;
  const entries: TextEntry[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let end = i + 1;
      while (text.charCodeAt(end) !== QUOTE) end += text.charCodeAt(end) === BACKSLASH ? 2 : 1;
      end++;
      const value = JSON.parse(text.slice(i, end)) as string;
      if (expectingKey) {
        key = value;
        expectingKey = false;
      } else {
        const start = linePos(i);
        const stop = linePos(end);
        entries.push({ key, value, line: start.line, column: start.col, endLine: stop.line, endColumn: stop.col });
      }
      i = end - 1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      open.push({ object: c === OPEN_BRACE, key });
      expectingKey = c === OPEN_BRACE;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      open.pop();
      key = open.at(-1)?.key ?? '';
      expectingKey = false;
    } else if (c === COMMA) {
      const inner = open.at(-1);
      if (inner?.object) expectingKey = true;
      else key = inner?.key ?? '';
    }
  }
  return entries;
}

/**
 * JSON with comments and trailing commas (tsconfig.json, .vscode/*.json) as plain JSON: comments and
 * trailing commas become spaces, so every offset, and so every reported position, stays the same.
 */
export function blankJsonComments(text: string): string {
  // Ranges to blank, found in one pass of char codes; the text is rebuilt from slices only when there
  // are any (most JSON has none), never split into characters (a large file made that the scan's hot spot).
  const blanks: [start: number, end: number][] = [];
  let inString = false;
  let lastSignificant = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) {
      inString = true;
      lastSignificant = i;
    } else if (c === SLASH && text.charCodeAt(i + 1) === SLASH) {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      blanks.push([i, stop]);
      i = stop - 1;
    } else if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      blanks.push([i, stop]);
      i = stop - 1;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (lastSignificant >= 0 && text.charCodeAt(lastSignificant) === COMMA)
        blanks.push([lastSignificant, lastSignificant + 1]);
      lastSignificant = i;
    } else if (!isWhitespace(c)) {
      lastSignificant = i;
    }
  }
  if (blanks.length === 0) return text;
  // A trailing comma is found after the comments that follow it: put the ranges back in order.
  blanks.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of blanks) {
    parts.push(text.slice(at, start), text.slice(start, end).replace(/[^\n]/g, ' '));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

const [BACKSLASH, QUOTE, SLASH, STAR, COMMA, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET] = [
  '\\',
  '"',
  '/',
  '*',
  ',',
  '{',
  '}',
  '[',
  ']',
].map((c) => c.charCodeAt(0)) as [number, number, number, number, number, number, number, number, number];
const WHITESPACE = /\s/;

/** `/\s/` on one char code, without a regex for ASCII. */
function isWhitespace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return WHITESPACE.test(String.fromCharCode(c));
}
