/**
 * Values in a credential's shape that their issuer makes public by design: they identify a project
 * to a service and may only send it data or read what is public, so they ship to every browser or
 * sit in committed config on purpose. A name like `apiKey` over one of them is no hard-coded secret.
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

/** True when the value is in a format its issuer makes public by design (see `PUBLIC_VALUE_FORMATS`). */
export function isPublicByDesign(value: string): boolean {
  const v = value.trim();
  return PUBLIC_VALUE_FORMATS.some((format) => format.matches(v));
}
