/** What a security reviewer wants listed: env reads, credential columns, encryption call sites. */
export interface Inventory {
  readonly envReads: readonly unknown[];
}
