/**
 * Values in a credential's shape that their issuer makes public by design: they identify a project
 * to a service and may only send it data or read what is public, so they ship to every browser or
 * sit in committed config on purpose; or they are the fixed defaults of a local emulator. A name like
 * `apiKey` over one of them is no hard-coded secret.
 */
interface PublicValueFormat {
  /** What the value is, for the reader of this list. */
  readonly description: string;
  readonly matches: (value: string) => boolean;
}

/** Base64 text to a string, or undefined when it is not base64. */
function decodeBase64(value: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return undefined;
  try {
    return atob(value);
  } catch {
    return undefined;
  }
}

const PUBLIC_VALUE_FORMATS: readonly PublicValueFormat[] = [
  {
    // PostHog's project API key ingests events only; its docs put it in client code. Personal keys are `phx_`.
    description: 'PostHog project API key',
    matches: (v) => /^phc_[A-Za-z0-9]{32,64}$/.test(v),
  },
  {
    // Stripe's publishable keys are meant for the browser (Stripe.js); secret keys are `sk_`, restricted `rk_`.
    description: 'Stripe publishable key',
    matches: (v) => /^pk_(live|test)_[A-Za-z0-9]{20,255}$/.test(v),
  },
  {
    // An Nx Cloud access token is base64 of `<id>|<scope>`; Nx documents committing a `read` token to nx.json.
    description: 'Nx Cloud read-only access token',
    matches: (v) => /^[A-Za-z0-9-]{8,64}\|read$/.test(decodeBase64(v) ?? ''),
  },
];

/**
 * Credentials that local emulators of cloud services ship with, the same in every install and printed
 * in their vendors' docs: a developer's `.env` points at the emulator with them, and they open nothing
 * anywhere else. Exact values only: a real account's key is random and never one of these.
 */
const PUBLISHED_EMULATOR_DEFAULTS: ReadonlyMap<string, string> = new Map([
  [
    // Microsoft documents it for the `devstoreaccount1` account of Azurite and the older Storage Emulator.
    'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
    'Azurite (Azure Storage emulator) account key',
  ],
  [
    'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==',
    'Azure Cosmos DB emulator key',
  ],
  // MinIO's root user and password until they are set (`minioadmin:minioadmin`); LocalStack takes `test`,
  // a placeholder already.
  ['minioadmin', 'MinIO default root credentials'],
]);

/**
 * True when the value is in a format its issuer makes public by design (see `PUBLIC_VALUE_FORMATS`),
 * or is a local emulator's published default credential (`PUBLISHED_EMULATOR_DEFAULTS`).
 */
export function isPublicByDesign(value: string): boolean {
  const v = value.trim();
  return PUBLISHED_EMULATOR_DEFAULTS.has(v) || PUBLIC_VALUE_FORMATS.some((format) => format.matches(v));
}
