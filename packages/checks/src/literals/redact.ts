/**
 * Keeps a short prefix and suffix so no output of ours ever prints a full secret.
 * At most a quarter of the value is shown (an eighth from each end, four characters at most a side),
 * which keeps recognisable prefixes (`ghp_…x9Qa`) and nothing of the middle. Values shorter than
 * 16 characters show nothing: `****`.
 */
export function redact(value: string): string {
  const keep = Math.min(4, Math.floor(value.length / 8));
  if (keep < 2) return '****';
  return `${value.slice(0, keep)}…${value.slice(-keep)}`;
}
