import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { NewListForm } from '@/components/lists/new-list-form';
import { makeTranslator } from '@/lib/client/translator';
import { listsSignIn } from '@/lib/data/lists';
import { pageLanguage } from '@/lib/data/page';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = makeTranslator(await pageLanguage());
  return { title: `${t('lists.new.title')} · ${t('ui.app.title')}` };
}

/** `/lists/new`: a list from a paste or a CSV file. */
export default async function NewListPage() {
  const { t } = makeTranslator(await pageLanguage());
  const signin = await listsSignIn('/lists/new');
  if (signin) redirect(signin);
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8">
      <header>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('lists.new.title')}</h1>
        <Link href="/lists" className="text-sm text-blue-700 underline dark:text-blue-300">
          {t('lists.page.back')}
        </Link>
      </header>
      <main id="main" className="mt-6">
        <NewListForm />
      </main>
    </div>
  );
}
