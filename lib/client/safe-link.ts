/**
 * Links shown on the page come only from our own constants (`msoid.reference`), but are still checked:
 * an href must be an absolute https URL, never `javascript:` or anything a DNS answer could have smuggled in.
 */

/** Returns the URL when it is absolute https, otherwise null (the link is then not rendered). */
export function safeHttpsUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '' ? url.href : null;
  } catch {
    return null;
  }
}
