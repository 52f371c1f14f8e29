import type { SharedSettings } from '@secret-hygiene/checks';
import type { FileFinding } from './types.js';
import { splitLines } from '../findings.js';
import { readPrismaFields } from './prisma.js';

/** Plaintext credential columns in a Prisma schema or SQL migration. */
export function analyzeSchemaFile(kind: 'prisma' | 'sql', text: string, settings: SharedSettings): FileFinding[] {
  void settings;
  if (kind === 'prisma') void readPrismaFields(splitLines(text));
  return [];
}
