import type { JsonSchema } from '@secret-hygiene/checks';

/**
 * Validates a value against the subset of JSON schema that check option schemas use (type, enum,
 * properties, additionalProperties, required, items, minimum). Returns problems as `path: reason`.
 */
export function validateAgainstSchema(value: unknown, schema: JsonSchema, path = ''): string[] {
  const problems: string[] = [];
  const where = path || '(root)';
  const types = schema['type'] === undefined ? [] : ([] as unknown[]).concat(schema['type']);
  if (types.length > 0 && !types.some((t) => matchesType(value, String(t)))) {
    return [`${where}: expected ${types.join(' or ')}, got ${describeType(value)}`];
  }
  const allowed = schema['enum'];
  if (Array.isArray(allowed) && !allowed.some((a) => a === value)) {
    problems.push(`${where}: expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  }
  if (typeof value === 'number' && typeof schema['minimum'] === 'number' && value < schema['minimum']) {
    problems.push(`${where}: must be at least ${schema['minimum']}`);
  }
  if (Array.isArray(value) && isSchema(schema['items'])) {
    value.forEach((item, i) =>
      problems.push(...validateAgainstSchema(item, schema['items'] as JsonSchema, `${path}[${i}]`)),
    );
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const properties = (isSchema(schema['properties']) ? schema['properties'] : {}) as Record<string, JsonSchema>;
    for (const key of Array.isArray(schema['required']) ? (schema['required'] as string[]) : []) {
      if (!(key in record)) problems.push(`${where}: missing required property "${key}"`);
    }
    for (const [key, item] of Object.entries(record)) {
      const sub = properties[key];
      const childPath = path ? `${path}.${key}` : key;
      if (sub) problems.push(...validateAgainstSchema(item, sub, childPath));
      else if (schema['additionalProperties'] === false) problems.push(`${where}: unknown property "${key}"`);
      else if (isSchema(schema['additionalProperties']))
        problems.push(...validateAgainstSchema(item, schema['additionalProperties'] as JsonSchema, childPath));
    }
  }
  return problems;
}

function isSchema(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
