/**
 * Masks the password in a PostgreSQL connection URL so it can be shown in messages.
 * `postgres://user:secret@host/db` becomes `postgres://user:***@host/db`. Text that is not a URL
 * is returned with anything that looks like `:password@` masked.
 */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    const query = parsed.searchParams;
    for (const key of [...query.keys()]) {
      if (/^(password|sslpassword|sslkey)$/i.test(key)) query.set(key, '***');
    }
    return parsed.toString();
  } catch {
    return url.replace(/(\/\/[^:/@\s]*:)[^@\s]*@/g, '$1***@').replace(/(password=)[^&\s]*/gi, '$1***');
  }
}

/** Masks every connection URL found inside a free text (an error message, a log line). */
export function maskUrlsIn(text: string): string {
  return text.replace(/\bpostgres(?:ql)?:\/\/[^\s'"]+/gi, (url) => maskUrl(url));
}
