import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { I18nProvider } from '@/components/ui/i18n-provider';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { makeTranslator } from '@/lib/client/translator';
import { currentUser, pageLanguage, signedIn } from '@/lib/data/page';
import { catalogueFor } from '@/lib/messages';
import { pageCatalogue } from '@/lib/messages/page-catalogue';
import './globals.css';

/** Title and description in the page's language (`?lang=`, the switch's cookie, or the browser's). */
export async function generateMetadata(): Promise<Metadata> {
  const { t } = makeTranslator(await pageLanguage());
  return { title: t('ui.app.title'), description: t('ui.app.description') };
}

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f8fafc' },
    { media: '(prefers-color-scheme: dark)', color: '#020617' },
  ],
};

/**
 * Root layout: system fonts only (works offline; CJK comes from the system's Noto CJK), light/dark from the
 * system setting, `<html lang>` from the request's language, and the language switch above every page.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const lang = await pageLanguage();
  const { t } = makeTranslator(lang);
  const session = await signedIn();
  const user = await currentUser();
  return (
    <html lang={lang}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a
          href="#main"
          className="sr-only rounded bg-white px-3 py-2 text-sm font-semibold text-slate-900 focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50"
        >
          {t('ui.app.skipToMain')}
        </a>
        {/* The page's language goes to the browser as data, without the texts only the server renders. */}
        <I18nProvider lang={lang} catalogue={pageCatalogue(catalogueFor(lang))}>
          <div className="mx-auto flex max-w-7xl items-center justify-end gap-4 px-4 pt-3 sm:px-6 lg:px-8 print:hidden">
            <a
              href="/lists"
              data-testid="nav-lists"
              className="text-sm text-slate-700 underline-offset-2 hover:underline dark:text-slate-300"
            >
              {t('lists.nav')}
            </a>
            <LanguageSwitch />
            {user ? (
              <span className="text-sm text-slate-700 dark:text-slate-300" data-testid="signed-in-user">
                {t('ui.signin.signedInAs', { name: user.name, role: t(`ui.signin.role.${user.role}`) })}
              </span>
            ) : null}
            {session ? (
              <form method="post" action="/signout" data-testid="signout">
                <button
                  type="submit"
                  className="rounded px-2 py-1 text-sm text-slate-700 underline-offset-2 hover:underline dark:text-slate-300"
                >
                  {t('ui.signin.signOut')}
                </button>
              </form>
            ) : null}
          </div>
          {children}
        </I18nProvider>
      </body>
    </html>
  );
}
