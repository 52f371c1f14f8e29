import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readConfigEntries, readJsonEntries } from '../src/files/config-file.js';

/** The entries the YAML reader gives (`readConfigEntries` reads a text not marked JSON through YAML). */
const throughYaml = (text: string) => readConfigEntries(text, false).entries;

describe('readJsonEntries (issue 17: JSON read without YAML, the same entries)', () => {
  it('gives what YAML gives: keys, list items under their list key, escapes, positions', () => {
    const texts = [
      '{"a": "x", "b": {"c": "y", "d": ["p", {"e": "q"}, "r"]}, "f": 1, "g": true, "h": null}',
      '[["a", ["b"]], {"k": ["c"]}, "d"]',
      '"top"',
      '{"dup": "1", "dup": "2", "": "empty key"}',
      '{\r\n  "crlf": "v",\r\n\t"tab": "w"\r\n}\r\n',
      '{"esc": "a\\"b\\\\c\\/d\\u00e9\\ud83d\\ude00\\n\\t", "\\u006bey": "v"}',
      '{"unicode": "é漢字😀", "next": "x"}',
      // Characters YAML 1.1 took for line breaks, raw inside a JSON string.
      '{"breaks": "a\u2028b\u0085c\u2029d", "next": "x"}',
      '{}',
      '[]',
      '  {"spaced" :  "v"  ,"after":[ ]}  ',
    ];
    for (const text of texts) expect(readJsonEntries(text), text).toEqual(throughYaml(text));
  });

  it('gives what YAML gives for any JSON value, however it is indented', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ stringUnit: 'binary' }),
        fc.constantFrom(0, 2, '\t'),
        fc.boolean(),
        (value, indent, crlf) => {
          let text = JSON.stringify(value, null, indent);
          if (crlf) text = text.replace(/\n/g, '\r\n');
          expect(readJsonEntries(text)).toEqual(throughYaml(text));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leaves what is not plain JSON to YAML', () => {
    expect(readJsonEntries('{"a": "b",}')).toBeUndefined();
    expect(readJsonEntries('a: b')).toBeUndefined();
    expect(readJsonEntries('')).toBeUndefined();
    // Through readConfigEntries, a JSON file with comments and trailing commas is still read.
    expect(readConfigEntries('{\n  // note\n  "a": "b",\n}', true).entries).toEqual([
      { key: 'a', value: 'b', line: 3, column: 8, endLine: 3, endColumn: 11 },
    ]);
  });
});
