/**
 * Masks the password in a PostgreSQL connection URL so it can be shown in messages.
 * `postgres://user:secret@host/db` becomes `postgres://user:***@host/db`. Text that is not a URL
 * is returned with anything that looks like `:password@` masked.
 */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    // `postgres:/user:pw@host` (one slash) parses as an opaque path, with the password in it.
    if (parsed.host === '' && /@/.test(url)) return maskUserInfo(url);
    if (parsed.password !== '') parsed.password = '***';
    const query = parsed.searchParams;
    for (const key of [...query.keys()]) {
      if (/^(password|sslpassword|sslkey)$/i.test(key)) query.set(key, '***');
    }
    return parsed.toString();
  } catch {
    return maskUserInfo(url);
  }
}

/**
 * Masks what may be a password in text that does not parse as a URL: everything between the
 * first `:` of the user part and the last `@` (passwords may hold `@`, `/` and spaces), and
 * `password=` values.
 */
function maskUserInfo(text: string): string {
  const at = text.lastIndexOf('@');
  let out = text;
  if (at >= 0) {
    const slashes = text.indexOf('//');
    const start = slashes >= 0 && slashes < at ? slashes + 2 : (/^postgres(?:ql)?:\/?/i.exec(text)?.[0].length ?? 0);
    const colon = text.indexOf(':', start);
    if (colon >= 0 && colon < at) out = `${text.slice(0, colon + 1)}***${text.slice(at)}`;
  }
  return out.replace(/(password=)[^&\s]*/gi, '$1***');
}

/** Masks every connection URL found inside a free text (an error message, a log line). */
export function maskUrlsIn(text: string): string {
  return text.replace(/\bpostgres(?:ql)?:\/\/[^\s'"]+/gi, (url) => maskUrl(url));
}
