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
  const out = text.split('');
  let inString = false;
  let lastSignificant = -1;
  for (let i = 0; i < out.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      lastSignificant = i;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') out[i++] = ' ';
      i--;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      for (; i < stop; i++) if (text[i] !== '\n') out[i] = ' ';
      i--;
    } else if (c === '}' || c === ']') {
      if (lastSignificant >= 0 && text[lastSignificant] === ',') out[lastSignificant] = ' ';
      lastSignificant = i;
    } else if (!/\s/.test(c)) {
      lastSignificant = i;
    }
  }
  return out.join('');
}
