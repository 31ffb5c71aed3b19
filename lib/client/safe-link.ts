/**
 * Links shown on the page come only from our own constants (`msoid.reference`), but are still checked:
 * an href must be an absolute https URL, never `javascript:` or anything a DNS answer could have smuggled in.
 */

const LEARN_HOST = 'learn.microsoft.com';
const LEARN_LOCALE: Readonly<Record<string, string>> = { en: '/en-us/', 'zh-CN': '/zh-cn/' };

/**
 * Returns the URL when it is absolute https, otherwise null (the link is then not rendered). With `lang`, a
 * Microsoft Learn page opens in that language's edition (`/en-us/` → `/zh-cn/` on a Chinese page; the same
 * page, query and view kept); other sites are left as they are.
 */
export function safeHttpsUrl(value: string, lang?: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return null;
    const locale = lang !== undefined && Object.hasOwn(LEARN_LOCALE, lang) ? LEARN_LOCALE[lang] : undefined;
    if (locale && url.hostname === LEARN_HOST && url.pathname.startsWith('/en-us/')) {
      url.pathname = `${locale}${url.pathname.slice('/en-us/'.length)}`;
    }
    return url.href;
  } catch {
    return null;
  }
}
