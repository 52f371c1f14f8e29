import { describe, expect, it } from 'vitest';
import { eslintDisabled, readSuppressions, suppressedLines } from '../src/suppressions.js';

describe('secret-hygiene-ignore-next-line', () => {
  it('silences the named rules on the next line, only with a reason', () => {
    const active = suppressedLines(
      readSuppressions([
        '// secret-hygiene-ignore-next-line a, b -- because',
        'x',
        '// secret-hygiene-ignore-next-line c',
        'y',
        '  /* secret-hygiene-ignore-next-line d -- block */',
      ]),
    );
    expect([...active].map(([line, ids]) => `${line}:${[...ids].join(',')}`)).toEqual(['2:a,b', '6:d']);
  });
});

describe('eslintDisabled', () => {
  const check = (text: string) => {
    const disabled = eslintDisabled(text);
    return (rule: string, line: number, column = 1) => disabled(rule, line, column);
  };

  it('reads -line and -next-line in line and block comments, for our rules or every rule', () => {
    const d = check(
      [
        'f(); // eslint-disable-line secret-hygiene/a',
        '// eslint-disable-next-line secret-hygiene/b, other/x -- reviewed',
        'g();',
        '/* eslint-disable-next-line */',
        'h();',
        'i(); /* eslint-disable-line secret-hygiene/c */',
      ].join('\n'),
    );
    expect([d('a', 1), d('b', 1), d('b', 3), d('a', 3), d('anything', 5), d('c', 6), d('a', 6)]).toEqual([
      true,
      false,
      true,
      false,
      true,
      true,
      false,
    ]);
  });

  it('reads eslint-disable/eslint-enable ranges from block comments only, by position', () => {
    const d = check(
      [
        'a(); /* eslint-disable secret-hygiene/a */ b();',
        'c();',
        '/* eslint-enable secret-hygiene/a */',
        'd();',
        '// eslint-disable secret-hygiene/a',
        'e();',
        '/* eslint-disable */',
        'f();',
      ].join('\n'),
    );
    expect([d('a', 1, 1), d('a', 1, 44), d('a', 2), d('a', 4), d('a', 6), d('a', 8), d('b', 8)]).toEqual([
      false,
      true,
      true,
      false,
      false,
      true,
      true,
    ]);
  });

  it("ignores other plugins' rules and directives inside strings, templates and regular expressions", () => {
    const d = check(
      [
        '// eslint-disable-next-line other/rule',
        'a();',
        "const s = '// eslint-disable-line secret-hygiene/a'; b();",
        'const t = `${x} // eslint-disable-line secret-hygiene/a`; c();',
        'const r = /\\/\\/ eslint-disable-line secret-hygiene\\/a/; d();',
        'const q = `multi',
        '/* eslint-disable */ still a template`;',
        'e();',
      ].join('\n'),
    );
    expect([d('a', 2), d('a', 3), d('a', 4), d('a', 5), d('a', 8)]).toEqual([false, false, false, false, false]);
  });

  it("a multi-line eslint-disable-line is not a directive; -next-line counts from the comment's end", () => {
    const d = check(
      [
        'a(); /* eslint-disable-line',
        'secret-hygiene/a */',
        '/* eslint-disable-next-line',
        ' secret-hygiene/a */',
        'b();',
      ].join('\n'),
    );
    expect([d('a', 1), d('a', 2), d('a', 5)]).toEqual([false, false, true]);
  });
});
