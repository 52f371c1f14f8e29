// Inline suppressions, read the same way by both hosts: our own comment
// (`secret-hygiene-ignore-next-line <rule> -- <reason>`) and ESLint's `eslint-disable` directives
// for `secret-hygiene/<rule>`. The plugin honours ours (ESLint honours its own); the scanner honours
// both, so a finding silenced in the editor is silenced in CI, and the other way round.

/** One `secret-hygiene-ignore-next-line <rule-id>[, <rule-id>] -- <reason>` comment. */
export interface Suppression {
  /** 1-based line of the comment; it suppresses findings starting on the next line. */
  readonly line: number;
  readonly column: number;
  readonly ruleIds: readonly string[];
  /** Empty when the comment gives none; such a comment suppresses nothing. */
  readonly reason: string;
}

/**
 * The directive after any comment marker (`//`, `/*`, `#`, `--`), as the first thing on its line:
 * so the same text inside a string literal (a test, a code generator) is not a directive.
 */
const DIRECTIVE = /^(\s*)(?:\/\/|\/\*|#|--)\s*secret-hygiene-ignore-next-line\b([^\n]*)/;

/** Reads the suppression comments of a file's lines. */
export function readSuppressions(lines: readonly string[]): Suppression[] {
  const found: Suppression[] = [];
  lines.forEach((text, index) => {
    if (!text.includes('secret-hygiene-ignore-next-line')) return;
    const match = DIRECTIVE.exec(text);
    if (!match) return;
    const body = match[2]!.replace(/\*\/\s*$/, '');
    const separator = body.indexOf(' --');
    const idsText = separator === -1 ? body : body.slice(0, separator);
    const reason = separator === -1 ? '' : body.slice(separator + 3).trim();
    const ruleIds = idsText.split(/[\s,]+/).filter(Boolean);
    found.push({ line: index + 1, column: match[1]!.length + 1, ruleIds, reason });
  });
  return found;
}

/** Rule ids silenced per 1-based line by the comments that have a reason (the only ones that count). */
export function suppressedLines(suppressions: readonly Suppression[]): Map<number, Set<string>> {
  const active = new Map<number, Set<string>>();
  for (const s of suppressions) {
    if (s.reason === '' || s.ruleIds.length === 0) continue;
    const ids = active.get(s.line + 1) ?? new Set<string>();
    for (const id of s.ruleIds) ids.add(id);
    active.set(s.line + 1, ids);
  }
  return active;
}

/** A comment in source text, with 1-based positions of its start and end. */
interface Comment {
  readonly block: boolean;
  readonly body: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
}

/** One ESLint directive that can silence our rules. */
interface EslintDirective {
  readonly type: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** Our rule ids it names (`secret-hygiene/<id>`); undefined when it names none, so applies to every rule. */
  readonly ruleIds: ReadonlySet<string> | undefined;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
}

const ESLINT_DIRECTIVE = /^\s*eslint-(disable|enable|disable-line|disable-next-line)(?=\s|$)([\s\S]*)$/;

/**
 * ESLint's `eslint-disable` directives as they apply to `secret-hygiene/<rule>` findings, read as
 * ESLint reads them: `eslint-disable`/`eslint-enable` in block comments, from the comment on (every
 * rule when none is named); `eslint-disable-line` and `eslint-disable-next-line` in line or block
 * comments; a `-- reason` after the rule list. Returns whether a finding of a rule starting at a
 * 1-based line and column is disabled. Other plugins' rules in a directive are not ours to judge.
 */
export function eslintDisabled(
  text: string,
  pluginPrefix = 'secret-hygiene/',
): (ruleId: string, line: number, column: number) => boolean {
  if (!text.includes('eslint-')) return () => false;
  const directives: EslintDirective[] = [];
  for (const comment of commentsOf(text)) {
    const match = ESLINT_DIRECTIVE.exec(comment.body);
    if (!match) continue;
    const type = match[1] as EslintDirective['type'];
    if (!comment.block && (type === 'disable' || type === 'enable')) continue;
    if (type === 'disable-line' && comment.line !== comment.endLine) continue;
    const list = match[2]!.split(/\s-{2,}\s/)[0]!.trim();
    const names =
      list === ''
        ? []
        : list
            .split(',')
            .map((n) => n.trim())
            .filter(Boolean);
    const ours = names.filter((n) => n.startsWith(pluginPrefix)).map((n) => n.slice(pluginPrefix.length));
    if (names.length > 0 && ours.length === 0) continue;
    directives.push({
      type,
      ruleIds: names.length === 0 ? undefined : new Set(ours),
      line: comment.line,
      column: comment.column,
      endLine: comment.endLine,
    });
  }
  if (directives.length === 0) return () => false;
  const names = (d: EslintDirective, ruleId: string) => d.ruleIds === undefined || d.ruleIds.has(ruleId);
  return (ruleId, line, column) => {
    let disabled = false;
    for (const d of directives) {
      if (d.type === 'disable-line' && d.line === line && names(d, ruleId)) return true;
      if (d.type === 'disable-next-line' && d.endLine + 1 === line && names(d, ruleId)) return true;
      if (
        (d.type === 'disable' || d.type === 'enable') &&
        names(d, ruleId) &&
        (d.line < line || (d.line === line && d.column <= column))
      ) {
        disabled = d.type === 'disable';
      }
    }
    return disabled;
  };
}

/**
 * The comments of JavaScript/TypeScript source, in order, skipping strings, template literals and
 * regular expressions (a `/` where an operand is expected starts one). A lexer's approximation,
 * enough to find directives: ESLint itself reads them from its parser's comment list.
 */
function commentsOf(text: string): Comment[] {
  const comments: Comment[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  let operandExpected = true;
  const templateDepths: number[] = []; // brace depth at each open `${`
  let braces = 0;
  const advanceLines = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
  };
  const skipString = (quote: string): void => {
    i++;
    while (i < text.length && text[i] !== quote && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  const skipTemplate = (): void => {
    // From after a '`' or a '}' closing a substitution, to after the closing '`' or an opening '${'.
    while (i < text.length) {
      const c = text[i];
      if (c === '\\') i += 2;
      else if (c === '`') {
        i++;
        return;
      } else if (c === '$' && text[i + 1] === '{') {
        i += 2;
        templateDepths.push(braces);
        braces++;
        return;
      } else i++;
    }
  };
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    const start = i;
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      comments.push({ block: false, body: text.slice(i + 2, stop), line, column: i - lineStart + 1, endLine: line });
      i = stop;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      const startLine = line;
      const column = i - lineStart + 1;
      advanceLines(i, stop);
      comments.push({
        block: true,
        body: text.slice(i + 2, end === -1 ? text.length : end),
        line: startLine,
        column,
        endLine: line,
      });
      i = stop;
      continue;
    }
    if (c === '\n') {
      line++;
      lineStart = i + 1;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      skipString(c);
      operandExpected = false;
    } else if (c === '`') {
      i++;
      skipTemplate();
      advanceLines(start, i);
      operandExpected = false;
      continue;
    } else if (c === '/' && operandExpected) {
      // A regular expression: to the closing '/' outside a character class, then its flags.
      let inClass = false;
      i++;
      while (i < text.length && text[i] !== '\n') {
        const r = text[i];
        if (r === '\\') i++;
        else if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
        i++;
      }
      i++;
      while (i < text.length && /[a-z]/i.test(text[i]!)) i++;
      operandExpected = false;
    } else if (c === '{') {
      braces++;
      i++;
      operandExpected = true;
    } else if (c === '}') {
      braces--;
      i++;
      if (templateDepths.length > 0 && templateDepths[templateDepths.length - 1] === braces) {
        templateDepths.pop();
        skipTemplate();
        advanceLines(start, i);
        operandExpected = false;
        continue;
      }
      operandExpected = true;
    } else if (/[\w$]/.test(c)) {
      let end = i + 1;
      while (end < text.length && /[\w$]/.test(text[end]!)) end++;
      const word = text.slice(i, end);
      i = end;
      // After a keyword such as `return`, a `/` starts a regular expression; after a name, it divides.
      operandExpected = /^(?:return|typeof|instanceof|in|of|new|delete|void|throw|case|do|else|yield|await)$/.test(
        word,
      );
    } else {
      i++;
      operandExpected = c !== ')' && c !== ']';
    }
    advanceLines(start, i);
  }
  return comments;
}
