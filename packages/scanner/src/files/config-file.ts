import type { TextEntry } from '@secret-hygiene/checks';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { ReadEntries } from './types.js';

/**
 * The string settings of a JSON or YAML file (JSON is read as YAML 1.2, which it is), each under its
 * innermost key; items of a list take the list's key. Returns the parse error instead when the file is not valid.
 */
export function readConfigEntries(text: string, jsonc = false): ReadEntries {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(jsonc ? blankJsonComments(text) : text, {
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

const [BACKSLASH, QUOTE, SLASH, STAR, COMMA, CLOSE_BRACE, CLOSE_BRACKET] = ['\\', '"', '/', '*', ',', '}', ']'].map(
  (c) => c.charCodeAt(0),
) as [number, number, number, number, number, number, number];
const WHITESPACE = /\s/;

/** `/\s/` on one char code, without a regex for ASCII. */
function isWhitespace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return WHITESPACE.test(String.fromCharCode(c));
}
