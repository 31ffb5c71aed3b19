import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { makeTranslator } from '@/lib/client/translator';
import './globals.css';

const { t } = makeTranslator('en');

export const metadata: Metadata = {
  title: t('ui.app.title'),
  description: t('ui.app.description'),
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f8fafc' },
    { media: '(prefers-color-scheme: dark)', color: '#020617' },
  ],
};

/** Root layout: system fonts only (works offline), light/dark from the system setting. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a
          href="#main"
          className="sr-only rounded bg-white px-3 py-2 text-sm font-semibold text-slate-900 focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50"
        >
          {t('ui.app.skipToMain')}
        </a>
        {children}
      </body>
    </html>
  );
}
