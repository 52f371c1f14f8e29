import { pathToFileURL } from 'node:url';
import { informationUri, scannerVersion } from '../version.js';
import type { FindingStep } from '../types.js';
import type { Reporter } from './types.js';

/** Where SARIF consumers find the 2.1.0 schema. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run, every rule in `tool.driver.rules`, paths
 * relative to `%SRCROOT%`, and `partialFingerprints` so alerts follow code that moves.
 */
export const sarifReporter: Reporter = (result, options = {}) => {
  const rules = [...(options.rules ?? result.rules)];
  for (const f of result.findings) {
    if (!rules.some((r) => r.id === f.ruleId)) {
      rules.push({
        id: f.ruleId,
        description: f.ruleId,
        helpUri: informationUri,
        defaultSeverity: f.severity,
        precision: f.confidence,
        securitySeverity: 5.0,
      });
    }
  }
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'secret-hygiene',
            informationUri,
            version: scannerVersion,
            semanticVersion: scannerVersion,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.description },
              fullDescription: { text: `${r.description}.` },
              helpUri: r.helpUri,
              help: {
                text: `${r.description}. See ${r.helpUri}`,
                markdown: `${r.description}. [Documentation](${r.helpUri})`,
              },
              defaultConfiguration: { level: r.defaultSeverity },
              // GitHub code scanning reads both: `security-severity` for Critical/High/Medium/Low, `precision` as CodeQL's.
              properties: {
                tags: ['security'],
                precision: r.precision,
                'security-severity': r.securitySeverity.toFixed(1),
              },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(result.root).href.replace(/\/?$/, '/')}` } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: result.diagnostics.map((d) => ({
              level: d.kind === 'notice' ? 'note' : 'warning',
              message: { text: d.message },
              ...(d.file
                ? {
                    locations: [
                      {
                        physicalLocation: {
                          artifactLocation: { uri: encodePath(d.file), uriBaseId: '%SRCROOT%' },
                          ...(d.line
                            ? { region: { startLine: d.line, ...(d.column ? { startColumn: d.column } : {}) } }
                            : {}),
                        },
                      },
                    ],
                  }
                : {}),
            })),
          },
        ],
        results: result.findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: index.get(f.ruleId)!,
          level: f.severity,
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodePath(f.file), uriBaseId: '%SRCROOT%' },
                region: {
                  startLine: f.line,
                  startColumn: f.column,
                  endLine: f.endLine,
                  endColumn: Math.max(f.endColumn, f.endLine === f.line ? f.column + 1 : 1),
                },
              },
            },
          ],
          ...(f.steps && f.steps.length > 0 ? { codeFlows: [codeFlow(f.steps)] } : {}),
          partialFingerprints: { 'secretHygiene/v1': f.fingerprint },
          properties: { precision: f.confidence },
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
};

/**
 * A finding's path as SARIF `codeFlows` take it: one thread flow whose locations are the steps in
 * order, from the secret to the sink, so code scanning shows how it got there.
 */
function codeFlow(steps: readonly FindingStep[]) {
  return {
    threadFlows: [
      {
        locations: steps.map((step) => ({
          location: {
            physicalLocation: {
              artifactLocation: { uri: encodePath(step.file), uriBaseId: '%SRCROOT%' },
              region: {
                startLine: step.line,
                startColumn: step.column,
                endLine: step.endLine,
                endColumn: Math.max(step.endColumn, step.endLine === step.line ? step.column + 1 : 1),
              },
            },
            message: { text: step.message },
          },
        })),
      },
    ],
  };
}

/** A relative POSIX path as a URI reference (spaces and the like percent-encoded). */
function encodePath(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
