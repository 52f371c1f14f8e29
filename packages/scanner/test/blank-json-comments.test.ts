import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankJsonComments } from '../src/files/config-file.js';

/** The character-by-character version this one replaced (issue 17.3): the reference for the same output. */
function characterByCharacter(text: string): string {
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

// JSON-with-comments made of the pieces that matter: strings with escapes, both comment kinds
// (closed or not), trailing commas, brackets, every kind of white space, and other text.
const piece = fc.constantFrom(
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"a"',
  '"//x"',
  '"q\\"/*"',
  '"\\\\"',
  '// c\n',
  '// end',
  '/* b */',
  '/* a\r\n b */',
  '/* open',
  '/',
  '*',
  ' ',
  '\n',
  '\t',
  '\u00a0',
  '\u2028',
  '1',
  'true',
);

describe('blankJsonComments (issue 17.3: no split into characters)', () => {
  it('gives what the character-by-character version gave, for any mix of strings, comments and commas', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(blankJsonComments(text)).toBe(characterByCharacter(text));
      }),
      { numRuns: 2000, seed: 17 },
    );
  });

  it('returns the text itself when there is nothing to blank', () => {
    const text = '{ "a": [1, 2], "b": "//not a comment" }';
    expect(blankJsonComments(text)).toBe(text);
  });
});
