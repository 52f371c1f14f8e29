import type { TextEntry } from '@secret-hygiene/checks';
import { parse, TomlError } from 'smol-toml';
import type { ReadEntries } from './types.js';

/**
 * The string settings of a TOML file, each under its innermost key. smol-toml parses (so escapes,
 * multi-line strings and errors follow the spec); it keeps no positions, so each value is placed on
 * the first unused line that assigns its key (`key =`, `"key" =`, `a.key =`, or inside an inline table).
 */
export function readTomlEntries(text: string, lines: readonly string[]): ReadEntries {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    if (error instanceof TomlError)
      return { entries: [], error: { line: error.line, column: error.column, message: error.message.split('\n')[0]! } };
    throw error;
  }
  const settings: { key: string; value: string }[] = [];
  const visit = (node: unknown, key: string): void => {
    if (typeof node === 'string') settings.push({ key, value: node });
    else if (Array.isArray(node)) for (const item of node) visit(item, key);
    else if (node !== null && typeof node === 'object' && !(node instanceof Date))
      for (const [k, v] of Object.entries(node)) visit(v, k);
  };
  visit(document, '');
  const used = new Set<number>();
  const entries: TextEntry[] = [];
  for (const { key, value } of settings) {
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const assignment = new RegExp(`(?:^\\s*|[.{,]\\s*)["']?${escaped}["']?\\s*=\\s*`);
    let index = lines.findIndex((text, i) => !used.has(i) && assignment.test(text));
    if (index === -1) index = lines.findIndex((text) => assignment.test(text));
    if (index === -1) continue;
    used.add(index);
    const text = lines[index]!;
    const match = assignment.exec(text)!;
    const column = match.index + match[0].length + 1;
    entries.push({ key, value, line: index + 1, column, endLine: index + 1, endColumn: text.length + 1 });
  }
  return { entries };
}
