import type * as ts from 'typescript';
import { bindingTargetName, calleeName, forEachDescendant, propertyNameText } from '../ast/index.js';
import { calledFunction } from './callees.js';
import type { FlowContext } from './context.js';
import { programOf } from './project-functions.js';
import { isProjectFile } from './summaries/parameters.js';

/** Calls found per function, per checker (a program's answers do not change) or, untyped, per function. */
const callersByChecker = new WeakMap<ts.TypeChecker, WeakMap<ts.Node, readonly ts.CallExpression[]>>();
const callersUntyped = new WeakMap<ts.Node, readonly ts.CallExpression[]>();

/** How many calls of one function are looked at, at most: a helper called everywhere says nothing by one caller. */
const MAX_CALLERS = 50;

/**
 * The calls that resolve to `fn`: in every project file of the program that mentions its name (with
 * a checker), or in its own file (without). A function's name is its declared name, a method's
 * property name, or the variable an arrow is assigned to; calls are found by that name first (a text
 * search per file), then resolved (`calledFunction`) to tell `this.service.verify(t)` from another
 * `verify`. Empty for a function without a name. Computed once per function and program.
 */
export function callersOf(ctx: FlowContext, fn: ts.FunctionLikeDeclaration): readonly ts.CallExpression[] {
  const t = ctx.ts;
  let cache = ctx.checker ? callersByChecker.get(ctx.checker) : callersUntyped;
  if (!cache) {
    cache = new WeakMap();
    callersByChecker.set(ctx.checker!, cache);
  }
  const known = cache.get(fn);
  if (known) return known;
  const name =
    fn.name !== undefined ? propertyNameText(t, fn.name) : fn.parent ? bindingTargetName(t, fn.parent) : undefined;
  const found: ts.CallExpression[] = [];
  if (name !== undefined) {
    const program = ctx.checker ? programOf(ctx.checker) : undefined;
    const files = program ? program.getSourceFiles().filter(isProjectFile) : [fn.getSourceFile()];
    for (const file of files) {
      if (found.length >= MAX_CALLERS || !file.text.includes(name)) continue;
      forEachDescendant(t, file, (node) => {
        if (found.length >= MAX_CALLERS) return 'stop';
        if (t.isCallExpression(node) && calleeName(t, node.expression) === name) {
          if (calledFunction(ctx, node.expression) === fn) found.push(node);
        }
        return undefined;
      });
    }
  }
  cache.set(fn, found);
  return found;
}
