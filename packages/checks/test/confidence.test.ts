import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  defineCheck,
  meetsConfidence,
  presetOptions,
  type CheckReport,
  type Confidence,
  type TypeScript,
} from '../src/check.js';
import { runChecksOnFile } from '../src/run.js';

const t = ts as unknown as TypeScript;

/** Reports one finding per confidence level, and one without a confidence. */
const probe = defineCheck<{ extra?: boolean }, 'x'>({
  id: 'probe',
  meta: {
    type: 'problem',
    description: 'Probe',
    messages: { x: 'x' },
    schema: { type: 'object', additionalProperties: false, properties: { extra: { type: 'boolean' } } },
    defaultOptions: {},
    strictOptions: { extra: true },
    level: 'recommended',
  },
  create(context) {
    return {
      end() {
        for (const confidence of ['high', 'medium', 'low', undefined] as const) {
          context.report({ node: context.sourceFile, messageId: 'x', ...(confidence ? { confidence } : {}) });
        }
      },
    };
  },
});

function reported(options?: Record<string, unknown>): (Confidence | undefined)[] {
  const reports: CheckReport[] = [];
  const sourceFile = ts.createSourceFile('a.ts', 'const a = 1;', ts.ScriptTarget.Latest, true);
  runChecksOnFile({ ts: t, sourceFile }, [{ check: probe, options, onReport: (r) => reports.push(r) }]);
  return reports.map((r) => r.confidence);
}

describe('confidence', () => {
  it('orders high over medium over low', () => {
    expect(meetsConfidence('high', 'high')).toBe(true);
    expect(meetsConfidence('medium', 'high')).toBe(false);
    expect(meetsConfidence('medium', 'medium')).toBe(true);
    expect(meetsConfidence('low', 'medium')).toBe(false);
    expect(meetsConfidence('high', 'low')).toBe(true);
  });

  it('reports high only by default, and fills in high where a check said nothing', () => {
    expect(reported()).toEqual(['high', 'high']);
  });

  it('reports down to the threshold the options set', () => {
    expect(reported({ minConfidence: 'medium' })).toEqual(['high', 'medium', 'high']);
    expect(reported({ minConfidence: 'low' })).toEqual(['high', 'medium', 'low', 'high']);
  });

  it('every check gets the option in its schema and defaults, without declaring it', () => {
    const properties = probe.meta.schema['properties'] as Record<string, { enum?: string[] }>;
    expect(properties['minConfidence']?.enum).toEqual(['high', 'medium', 'low']);
    expect(properties['extra']).toBeDefined();
    expect(probe.meta.defaultOptions).toEqual({ minConfidence: 'high' });
  });

  it("strict reports every confidence with the check's strict options; recommended keeps the defaults", () => {
    expect(presetOptions(probe, 'strict')).toEqual({ extra: true, minConfidence: 'low' });
    expect(presetOptions(probe, 'recommended')).toBeUndefined();
    expect(reported(presetOptions(probe, 'strict'))).toHaveLength(4);
  });
});
