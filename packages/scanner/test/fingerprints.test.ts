import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { draftFinding, fingerprintFindings, splitLines } from '../src/findings.js';

const at = (line: number, column: number, endColumn: number) => ({
  ruleId: 'r',
  file: 'f.ts',
  severity: 'error' as const,
  message: 'm',
  line,
  column,
  endLine: line,
  endColumn,
});

describe('fingerprints', () => {
  it('are unchanged for ordinary lines: rule, file, the flagged lines with whitespace normalized, occurrence', () => {
    const lines = splitLines('const a = 1;\n  console.log(  password );\n');
    const [finding] = fingerprintFindings([draftFinding(at(2, 15, 23), lines)]);
    const expected = createHash('sha256')
      .update('r\0f.ts\0console.log( password );\0' + '0')
      .digest('hex')
      .slice(0, 32);
    expect(finding!.fingerprint).toBe(expected);
  });

  it('survive lines moving, and tell identical findings apart by occurrence', () => {
    const before = splitLines('log(token);\nlog(token);\n');
    const after = splitLines('// a comment\n\nlog(token);\nlog(token);\n');
    const a = fingerprintFindings([draftFinding(at(1, 5, 10), before), draftFinding(at(2, 5, 10), before)]).map(
      (f) => f.fingerprint,
    );
    const b = fingerprintFindings([draftFinding(at(3, 5, 10), after), draftFinding(at(4, 5, 10), after)]).map(
      (f) => f.fingerprint,
    );
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(2);
  });

  describe('on a megabyte-long line (a bundle)', () => {
    const statement = (i: number) => `var k${i}=getConfig("x${i}");log(secret${i});`;
    const line = Array.from({ length: 25_000 }, (_, i) => statement(i)).join('');
    const columnOf = (i: number) => line.indexOf(`log(secret${i})`) + 1;
    const finding = (text: string, i: number, shift = 0) =>
      draftFinding(at(1, columnOf(i) + shift, columnOf(i) + shift + `log(secret${i})`.length), splitLines(text));

    it('each finding keeps a bounded snippet, so a file costs linear time whatever its line length', () => {
      expect(line.length).toBeGreaterThan(1_000_000);
      for (const i of [0, 12_345, 24_999]) expect(finding(line, i).snippet.length).toBeLessThanOrEqual(3 * 200);
      expect(finding(line, 12_345).snippet).toContain('log(secret12345)');
    });

    it('fingerprints differ between findings of the line and survive code added far before them', () => {
      const prefix = 'var added=1;'.repeat(100);
      const fingerprints = fingerprintFindings([finding(line, 100), finding(line, 200)]).map((f) => f.fingerprint);
      expect(new Set(fingerprints).size).toBe(2);
      const moved = fingerprintFindings([
        finding(prefix + line, 100, prefix.length),
        finding(prefix + line, 200, prefix.length),
      ]).map((f) => f.fingerprint);
      expect(moved).toEqual(fingerprints);
    });
  });
});
