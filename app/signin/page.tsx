import Link from 'next/link';
import { connection } from 'next/server';
import { makeTranslator } from '@/lib/client/translator';
import { safeNextPath } from '@/lib/server/access';
import { getConfig } from '@/lib/server/env';

const { t } = makeTranslator('en');

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Sign-in for browsers when ACCESS_TOKEN is set: a plain form (works without JavaScript) posting to
 * /signin/submit, which sets the session cookie and returns to `next`.
 */
export default async function SignInPage(props: { searchParams: Promise<SearchParams> }) {
  await connection();
  const searchParams = await props.searchParams;
  const enabled = getConfig().accessToken !== null;
  const next = safeNextPath(first(searchParams.next));
  const failed = first(searchParams.error) === '1';
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-bold">{t('ui.signin.title')}</h1>
      {enabled ? (
        <form method="post" action="/signin/submit" className="mt-6 space-y-4">
          <p className="text-slate-700 dark:text-slate-300">{t('ui.signin.intro')}</p>
          <input type="hidden" name="next" value={next} />
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
      ) : (
        <div className="mt-4 space-y-4">
          <p className="text-slate-700 dark:text-slate-300">{t('ui.signin.notNeeded')}</p>
          <p>
            <Link href="/" className="font-medium text-sky-700 underline underline-offset-2 dark:text-sky-300">
              {t('ui.page.home')}
            </Link>
          </p>
        </div>
      )}
    </main>
  );
}
