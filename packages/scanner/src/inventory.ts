// The inventory (env reads, credential columns, encryption call sites) is an observer defined beside
// the checks, on the same catalogs: `@secret-hygiene/checks` src/inventory/. The scanner only runs it.
export {
  InventoryCollector,
  type CredentialColumnInventory,
  type EncryptionCallInventory,
  type EnvValidation,
  type EnvVarInventory,
  type Inventory,
} from '@secret-hygiene/checks/internal';
