import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { makeTranslator } from '@/lib/client/translator';
import { pageLanguage, signinSettings } from '@/lib/data/page';
import { LANGUAGE_PARAM, matchLanguage } from '@/lib/messages/language';

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The language the page the reader came from was in (`?lang=` of `next`), if it names one we have. */
function languageOfNext(next: string): string | undefined {
  return matchLanguage(new URL(next, 'http://localhost').searchParams.get(LANGUAGE_PARAM));
}

/** The tab title in the page's language. */
export async function generateMetadata(props: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const { t } = makeTranslator(await pageLanguage(first((await props.searchParams)[LANGUAGE_PARAM])));
  return { title: t('ui.signin.title') };
}

/**
 * Sign-in for browsers when ACCESS_TOKEN is set: a plain form (works without JavaScript) posting to
 * /signin/submit, which sets the session cookie and returns to `next`. In the request's language like every
 * page (`?lang=`, the switch's cookie, Accept-Language); a reader sent here from a page with `?lang=` keeps it.
 */
export default async function SignInPage(props: { searchParams: Promise<SearchParams> }) {
  await connection();
  const searchParams = await props.searchParams;
  const { next, accessControl: enabled, entra } = signinSettings(first(searchParams.next));
  const asked = first(searchParams[LANGUAGE_PARAM]);
  const fromNext = asked === undefined ? languageOfNext(next) : undefined;
  if (fromNext) {
    // Once more with `?lang=` in our own address, so the layout (<html lang>, the switch) agrees with the form.
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(searchParams)) {
      const v = first(value);
      if (v !== undefined) query.set(name, v);
    }
    query.set(LANGUAGE_PARAM, fromNext);
    redirect(`/signin?${query.toString()}`);
  }
  const lang = await pageLanguage(asked);
  const { t } = makeTranslator(lang);
  const failed = first(searchParams.error) === '1';
  const entraFailed = first(searchParams.error) === 'entra';
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16" data-testid="signin">
      <h1 className="text-2xl font-bold">{t('ui.signin.title')}</h1>
      {entra ? (
        <div className="mt-6 space-y-4">
          <p className="text-slate-700 dark:text-slate-300">{t('ui.signin.microsoftIntro')}</p>
          {entraFailed ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              {t('ui.signin.entraFailed')}
            </p>
          ) : null}
          {/* A plain link: a top-level GET to /signin/entra, which redirects to Microsoft's sign-in page. */}
          <a
            href={`/signin/entra?${new URLSearchParams({ next }).toString()}`}
            data-testid="signin-microsoft"
            className="inline-block rounded-lg bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-800 dark:bg-sky-600 dark:hover:bg-sky-500"
          >
            {t('ui.signin.microsoft')}
          </a>
          {enabled ? <p className="text-slate-700 dark:text-slate-300">{t('ui.signin.orToken')}</p> : null}
        </div>
      ) : null}
      {enabled ? (
        <form method="post" action="/signin/submit" className="mt-6 space-y-4">
          <p className="text-slate-700 dark:text-slate-300">{t('ui.signin.intro')}</p>
          <input type="hidden" name="next" value={next} />
          <input type="hidden" name="lang" value={lang} />
          <div>
            <label htmlFor="token" className="block text-sm font-medium">
              {t('ui.signin.tokenLabel')}
            </label>
            <input
              id="token"
              name="token"
              type="password"
              required
              autoComplete="current-password"
              aria-invalid={failed}
              aria-describedby={failed ? 'signin-error' : undefined}
              className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-900"
            />
          </div>
          {failed ? (
            <p id="signin-error" role="alert" className="text-sm text-red-700 dark:text-red-300">
              {t('ui.signin.failed')}
            </p>
          ) : null}
          <button
            type="submit"
            className="rounded-lg bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-800 dark:bg-sky-600 dark:hover:bg-sky-500"
          >
            {t('ui.signin.submit')}
          </button>
        </form>
      ) : entra ? null : (
        <div className="mt-4 space-y-4">
          <p className="text-slate-700 dark:text-slate-300">{t('ui.signin.notNeeded')}</p>
          <p>
            <Link
              href={`/?${LANGUAGE_PARAM}=${lang}`}
              className="font-medium text-sky-700 underline underline-offset-2 dark:text-sky-300"
            >
              {t('ui.page.home')}
            </Link>
          </p>
        </div>
      )}
    </main>
  );
}
