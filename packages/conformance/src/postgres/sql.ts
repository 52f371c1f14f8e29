/** Quotes an SQL identifier (`a"b` → `"a""b"`). */
export function quoteIdentifier(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/** Quotes a possibly schema-qualified name part by part (`public.secrets` → `"public"."secrets"`). */
export function quoteQualified(name: string): string {
  return name.split('.').map(quoteIdentifier).join('.');
}
