import { isPlaceholder } from './placeholders.js';

/**
 * Known credential formats, one detector each, with a stable id (used in findings, SARIF rules and
 * baselines: never rename one). Patterns follow the issuers' documented formats; where a format has a
 * checksum or a structure (JWT header, PEM body) it is checked, so look-alikes do not match.
 */
export interface SecretDetector {
  /** Stable id, kebab-case, e.g. `github-personal-access-token`. */
  readonly id: string;
  /** What was found, for messages, e.g. "GitHub personal access token". */
  readonly description: string;
  /** Fixed substrings one of which every match contains: the pattern runs only when one is present. */
  readonly hints: readonly string[];
  /** A global pattern; capture group 1, when present, is the secret itself. */
  readonly pattern: RegExp;
  /** A structural check on the secret, after the pattern matched. */
  readonly validate?: (secret: string) => boolean;
}

/** Base64url text to a string, or undefined when it is not valid base64url. */
function decodeBase64Url(part: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    return atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  } catch {
    return undefined;
  }
}

/** A JWT's header must decode to a JSON object with an `alg`. */
function isJwt(token: string): boolean {
  const header = decodeBase64Url(token.split('.')[0] ?? '');
  if (header === undefined) return false;
  try {
    const parsed: unknown = JSON.parse(header);
    return typeof parsed === 'object' && parsed !== null && typeof (parsed as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}

/** A PEM private key must carry a body of base64, not a `...` or a header alone. */
function hasPemBody(block: string): boolean {
  const body = block.replace(/-----(BEGIN|END)[^-]*-----/g, '').replace(/^[A-Za-z-]+:.*$/gm, '');
  return (body.match(/[A-Za-z0-9+/=]/g) ?? []).length >= 64;
}

/** Mixed letters and digits: real random keys have both, prose after a prefix rarely does. */
const mixed = (s: string) => /[0-9]/.test(s) && /[A-Za-z]/.test(s);

const github = (prefix: string, id: string, description: string): SecretDetector => ({
  id,
  description,
  hints: [prefix],
  pattern: new RegExp(`\\b(${prefix}[A-Za-z0-9]{36,251})\\b`, 'g'),
  validate: mixed,
});

/** Every detector, in the order they are tried. */
export const SECRET_DETECTORS: readonly SecretDetector[] = [
  {
    id: 'pem-private-key',
    description: 'PEM private key',
    hints: ['PRIVATE KEY-----'],
    pattern:
      /(-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY(?: BLOCK)?-----|$))/g,
    validate: hasPemBody,
  },
  {
    id: 'aws-access-key-id',
    description: 'AWS access key id',
    hints: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'],
    pattern: /\b((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})\b/g,
  },
  {
    id: 'aws-secret-access-key',
    description: 'AWS secret access key',
    hints: ['ecret', 'ECRET'],
    // Only with its name beside it: a bare 40-character base64 string could be anything.
    pattern: /(?:aws)?_?secret_?access_?key["']?\s*[:=]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
    validate: (s) => /[a-z]/.test(s) && /[A-Z]/.test(s) && /\d/.test(s),
  },
  github('ghp_', 'github-personal-access-token', 'GitHub personal access token'),
  github('gho_', 'github-oauth-token', 'GitHub OAuth access token'),
  github('ghu_', 'github-user-to-server-token', 'GitHub user-to-server token'),
  github('ghs_', 'github-server-to-server-token', 'GitHub server-to-server (app installation) token'),
  github('ghr_', 'github-refresh-token', 'GitHub refresh token'),
  {
    id: 'github-fine-grained-pat',
    description: 'GitHub fine-grained personal access token',
    hints: ['github_pat_'],
    pattern: /\b(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b/g,
  },
  {
    id: 'gitlab-personal-access-token',
    description: 'GitLab personal access token',
    hints: ['glpat-'],
    pattern: /\b(glpat-[A-Za-z0-9_-]{20,})\b/g,
    validate: mixed,
  },
  {
    id: 'stripe-secret-key',
    description: 'Stripe secret key',
    hints: ['sk_live_', 'sk_test_'],
    pattern: /\b(sk_(?:live|test)_[A-Za-z0-9]{16,247})\b/g,
    validate: mixed,
  },
  {
    id: 'stripe-restricted-key',
    description: 'Stripe restricted key',
    hints: ['rk_live_', 'rk_test_'],
    pattern: /\b(rk_(?:live|test)_[A-Za-z0-9]{16,247})\b/g,
    validate: mixed,
  },
  {
    id: 'stripe-webhook-secret',
    description: 'Stripe webhook signing secret',
    hints: ['whsec_'],
    pattern: /\b(whsec_[A-Za-z0-9+/]{24,})/g,
    validate: mixed,
  },
  {
    id: 'slack-token',
    description: 'Slack token',
    hints: ['xox'],
    pattern: /\b(xox[baprs]-[0-9A-Za-z]{8,}-[0-9A-Za-z-]{8,})/g,
  },
  {
    id: 'slack-app-token',
    description: 'Slack app-level token',
    hints: ['xapp-'],
    pattern: /\b(xapp-\d-[A-Z0-9]{8,}-\d{8,}-[a-z0-9]{32,})\b/g,
  },
  {
    id: 'slack-webhook-url',
    description: 'Slack incoming webhook URL',
    hints: ['hooks.slack.com'],
    pattern:
      /(https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9]{8,}\/[A-Za-z0-9]{8,}\/[A-Za-z0-9]{16,})/g,
  },
  {
    id: 'google-api-key',
    description: 'Google API key',
    hints: ['AIza'],
    pattern: /\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/g,
  },
  {
    id: 'anthropic-api-key',
    description: 'Anthropic API key',
    hints: ['sk-ant-'],
    pattern: /\b(sk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{32,})/g,
    validate: mixed,
  },
  {
    id: 'openai-api-key',
    description: 'OpenAI API key',
    hints: ['sk-'],
    // Project, service-account and admin keys, and the older `sk-...T3BlbkFJ...` keys; not Anthropic's.
    pattern:
      /\b(sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|(?!ant-)[A-Za-z0-9]{40,}))(?![A-Za-z0-9_-])/g,
    validate: mixed,
  },
  {
    id: 'npm-token',
    description: 'npm access token',
    hints: ['npm_'],
    pattern: /\b(npm_[A-Za-z0-9]{36})\b/g,
    validate: mixed,
  },
  {
    id: 'sendgrid-api-key',
    description: 'SendGrid API key',
    hints: ['SG.'],
    pattern: /\b(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g,
  },
  {
    id: 'twilio-api-key',
    description: 'Twilio API key SID',
    hints: ['SK'],
    pattern: /\b(SK[0-9a-f]{32})\b/g,
    validate: mixed,
  },
  {
    id: 'jwt',
    description: 'JSON Web Token',
    hints: ['eyJ'],
    pattern: /\b(eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,})(?![A-Za-z0-9_-])/g,
    validate: isJwt,
  },
  {
    id: 'url-credentials',
    description: 'URL with a user name and password',
    hints: ['://'],
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@'"`]*:[^\s/?#@'"`]+@[^\s/?#'"`]+)/gi,
  },
  {
    id: 'basic-auth-header',
    description: 'HTTP Basic authorization with a user name and password',
    hints: ['Basic '],
    pattern: /\bBasic ([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/g,
    validate: (b64) => {
      const decoded = decodeBase64Url(b64.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
      const pair = decoded === undefined ? null : /^([\x20-\x7e]*):([\x20-\x7e]+)$/.exec(decoded);
      return pair !== null && pair[2] !== pair[1] && !isPlaceholder(pair[2]!);
    },
  },
];
