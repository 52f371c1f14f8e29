import type * as ts from 'typescript';
import { forEachDescendant } from '../ast/index.js';
import type { TypeScript } from '../check.js';

/**
 * A module that runs in the browser: a `'use client'` directive, or the DOM used without a
 * `typeof window` guard (isomorphic code checks first). What runs there runs for the user who holds
 * the page: its console is theirs, and its timing is theirs to measure, nobody else's. See
 * `runsInBrowser` for code in modules that mix browser and server functions.
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

/**
 * Code that runs in the browser: in a browser module (`isBrowserModule`), or in a page of Next.js's
 * pages router outside the functions the framework runs on the server only (`getServerSideProps`,
 * `getStaticProps`, `getStaticPaths`, which a page module exports beside its component).
 */
export function runsInBrowser(t: TypeScript, node: ts.Node): boolean {
  const file = node.getSourceFile();
  if (isBrowserModule(t, file)) return true;
  if (!isPagesRouterPage(t, file)) return false;
  for (let current = node.parent; current && !t.isSourceFile(current); current = current.parent) {
    const name = t.isFunctionDeclaration(current)
      ? current.name?.text
      : t.isVariableDeclaration(current) && t.isIdentifier(current.name)
        ? current.name.text
        : undefined;
    if (name !== undefined && SERVER_DATA_FUNCTIONS.has(name)) return false;
  }
  return true;
}

/** Next.js pages-router exports that run on the server only (at request or build time). */
const SERVER_DATA_FUNCTIONS: ReadonlySet<string> = new Set(['getServerSideProps', 'getStaticProps', 'getStaticPaths']);

/**
 * A page of Next.js's pages router: a `.tsx`/`.jsx` module with a default export (the page component)
 * under a `pages/` folder, outside `pages/api/` (route handlers, server code) and `_document` (rendered
 * on the server only). The component's effects and handlers run in the visitor's browser.
 */
function isPagesRouterPage(t: TypeScript, file: ts.SourceFile): boolean {
  const path = file.fileName.replace(/\\/g, '/');
  if (!/\.[jt]sx$/.test(path)) return false;
  const page = /(?:^|\/)pages\/((?:(?!\/pages\/).)*)$/.exec(path)?.[1];
  if (page === undefined || page.startsWith('api/') || /^_document\./.test(page)) return false;
  return file.statements.some(
    (statement) =>
      (t.isExportAssignment(statement) && !statement.isExportEquals) ||
      ((t.isFunctionDeclaration(statement) || t.isClassDeclaration(statement)) &&
        (t.getCombinedModifierFlags(statement) & t.ModifierFlags.ExportDefault) === t.ModifierFlags.ExportDefault) ||
      (t.isExportDeclaration(statement) &&
        statement.exportClause !== undefined &&
        t.isNamedExports(statement.exportClause) &&
        statement.exportClause.elements.some((e) => e.name.text === 'default')),
  );
}

const BROWSER_MODULES = new WeakMap<ts.SourceFile, boolean>();
