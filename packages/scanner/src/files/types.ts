import type { TextEntry } from '@secret-hygiene/checks';

/** What a reader of a key-value format gives: its entries, or where the file stops being valid. */
export interface ReadEntries {
  readonly entries: readonly TextEntry[];
  readonly error?: { readonly line: number; readonly column: number; readonly message: string };
}
