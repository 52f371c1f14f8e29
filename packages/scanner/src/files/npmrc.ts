import type { TextEntry } from '@secret-hygiene/checks';

/**
 * The settings of an `.npmrc` (ini: `key=value`, `;` and `#` comments). A registry-scoped key
 * (`//registry.npmjs.org/:_authToken`) is judged by its last part, `_authToken`; `${NPM_TOKEN}`
 * references are placeholders, as npm expands them from the environment.
 */
export function readNpmrcEntries(lines: readonly string[]): TextEntry[] {
  const entries: TextEntry[] = [];
  lines.forEach((text, index) => {
    const match = /^(\s*)([^=;#\s][^=]*?)(\s*=\s*)(.*?)\s*$/.exec(text);
    if (!match) return;
    const fullKey = match[2]!;
    const key = fullKey.slice(fullKey.lastIndexOf(':') + 1);
    let value = match[4]!;
    const start = match[1]!.length + fullKey.length + match[3]!.length;
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2]!;
    entries.push({
      key,
      value,
      line: index + 1,
      column: start + 1,
      endLine: index + 1,
      endColumn: start + match[4]!.length + 1,
    });
  });
  return entries;
}
