import type { SharedSettings } from '@secret-hygiene/checks';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { FileFinding } from './types.js';
import { secretValueMessage, type ValueAllowance } from './secret-values.js';

/**
 * Hard-coded secrets in JSON and YAML config (JSON is read as YAML 1.2, which it is): known
 * credential formats under any key, random-looking values under secret-named keys. Returns the
 * parse error instead when the file is not valid.
 */
export function analyzeConfigFile(text: string, settings: SharedSettings, jsonc = false, allowed?: ValueAllowance): { findings: FileFinding[]; error?: { line: number; column: number; message: string } } {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(jsonc ? blankJsonComments(text) : text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const docs = Array.isArray(documents) ? documents : [documents];
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const pos = lineCounter.linePos(error.pos[0]);
      return { findings: [], error: { line: pos.line, column: pos.col, message: error.message.split('\n')[0]! } };
    }
  }
  const findings: FileFinding[] = [];
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
      const message = secretValueMessage(key, node.value, settings, allowed);
      if (!message) return;
      const start = lineCounter.linePos(node.range[0]);
      const end = lineCounter.linePos(node.range[1]);
      findings.push({ ruleId: 'no-hardcoded-secret', line: start.line, column: start.col, endLine: end.line, endColumn: end.col, message });
    }
  };
  for (const doc of docs) visitNode(doc.contents as YamlNode | null, '');
  return { findings };
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
