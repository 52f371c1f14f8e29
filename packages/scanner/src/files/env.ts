import type { TextEntry } from '@secret-hygiene/checks';
import { parse as parseDotenv } from 'dotenv';

/** The start of an assignment: `KEY=`, `export KEY=`, `KEY: ` (dotenv's own grammar). */
const ASSIGNMENT = /^(\s*(?:export\s+)?)([\w.-]+)(\s*[=:]\s*)(.*)$/;

/**
 * The settings of a .env file. Values come from dotenv's own parser (quotes, escapes, `#` comments,
 * multi-line quoted values such as PEM keys); positions from the assignment lines, a multi-line value
 * ending on the line of its closing quote. Each assignment is parsed on its own, so a repeated key
 * is judged at every place it is written.
 */
export function readEnvEntries(lines: readonly string[]): TextEntry[] {
  const starts: { index: number; match: RegExpExecArray }[] = [];
  lines.forEach((text, index) => {
    const match = ASSIGNMENT.exec(text);
    if (match) starts.push({ index, match });
  });
  const entries: TextEntry[] = [];
  starts.forEach(({ index, match }, i) => {
    const until = i + 1 < starts.length ? starts[i + 1]!.index : lines.length;
    const key = match[2]!;
    const value = parseDotenv(lines.slice(index, until).join('\n'))[key];
    if (value === undefined) return;
    const start = match[1]!.length + match[2]!.length + match[3]!.length;
    const rest = match[4]!;
    const quote = rest[0];
    let endLine = index;
    let endColumn: number;
    if (quote === '"' || quote === "'" || quote === '`') {
      // The closing quote: on this line, or on the line a multi-line value ends.
      let close = rest.indexOf(quote, 1);
      if (close > 0) endColumn = start + close + 2;
      else {
        endColumn = start + rest.length + 1;
        for (let l = index + 1; l < until; l++) {
          close = lines[l]!.indexOf(quote);
          if (close >= 0) {
            endLine = l;
            endColumn = close + 2;
            break;
          }
        }
      }
    } else {
      endColumn = start + rest.replace(/\s+#.*$/, '').trimEnd().length + 1;
    }
    entries.push({ key, value, line: index + 1, column: start + 1, endLine: endLine + 1, endColumn });
  });
  return entries;
}
