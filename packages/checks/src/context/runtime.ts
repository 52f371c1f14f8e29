import type * as ts from 'typescript';
import { forEachDescendant } from '../ast/index.js';
import type { TypeScript } from '../check.js';

/**
 * A module that runs in the browser: a `'use client'` directive, or the DOM used without a
 * `typeof window` guard (isomorphic code checks first). What runs there runs for the user who holds
 * the page: its console is theirs, and its timing is theirs to measure, nobody else's.
 */
export function isBrowserModule(t: TypeScript, file: ts.SourceFile): boolean {
  const cached = BROWSER_MODULES.get(file);
  if (cached !== undefined) return cached;
  const first = file.statements[0];
  let browser =
    first !== undefined &&
    t.isExpressionStatement(first) &&
    t.isStringLiteral(first.expression) &&
    first.expression.text === 'use client';
  if (!browser) {
    let dom = false;
    let guarded = false;
    forEachDescendant(t, file, (node) => {
      if (t.isTypeOfExpression(node) && t.isIdentifier(node.expression) && DOM_GLOBALS.has(node.expression.text)) {
        guarded = true;
        return 'stop';
      }
      if (
        t.isPropertyAccessExpression(node) &&
        t.isIdentifier(node.expression) &&
        DOM_GLOBALS.has(node.expression.text)
      )
        dom = true;
      return undefined;
    });
    browser = dom && !guarded;
  }
  BROWSER_MODULES.set(file, browser);
  return browser;
}

const DOM_GLOBALS: ReadonlySet<string> = new Set(['document', 'window']);

const BROWSER_MODULES = new WeakMap<ts.SourceFile, boolean>();
