import type * as ts from 'typescript';
import type { FlowStep } from '../../check.js';
import { relativeToRoot } from '../../context/file-kind.js';
import type { FlowContext } from '../context.js';
import { calleeDisplay, type CrossFunctionFlow } from './sinks.js';

/**
 * The sink of a cross-function flow as messages name it: `logger.info through logRequest()
 * (src/http.ts:12)`, the line of the sink in the function that has it; paths relative to the root
 * the checked file's path is relative to (`checked` is `context.sourceFile` and `context.file.path`).
 */
export function crossingText(
  ctx: FlowContext,
  cross: Pick<CrossFunctionFlow, 'sink' | 'sinkNode' | 'through'>,
  checked: { readonly sourceFile: ts.SourceFile; readonly path: string },
): string {
  const name = checked.sourceFile.fileName.replace(/\\/g, '/');
  const root = name.endsWith(checked.path) ? name.slice(0, name.length - checked.path.length) : undefined;
  const calls = cross.through.map((call) => calleeDisplay(ctx, call)).join(', ');
  return `${cross.sink} through ${calls} (${locationText(cross.sinkNode, root)})`;
}

/** The path of a cross-function flow for hosts that show one (SARIF `codeFlows`): secret, calls, sink. */
export function crossingSteps(ctx: FlowContext, cross: CrossFunctionFlow): FlowStep[] {
  const [first, ...rest] = cross.through;
  return [
    { node: cross.flow.at, message: `${cross.flow.source.name} is passed to ${calleeDisplay(ctx, first!)}` },
    ...rest.map((call) => ({ node: call, message: `passed on to ${calleeDisplay(ctx, call)}` })),
    { node: cross.sinkNode, message: `reaches ${cross.sink}` },
  ];
}

/** `src/http.ts:12`. */
function locationText(node: ts.Node, root: string | undefined): string {
  const file = node.getSourceFile();
  const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
  return `${relativeToRoot(file.fileName, root)}:${line}`;
}
