import { Dashboard } from '@/components/dashboard/dashboard';
import { PageHeader } from '@/components/dashboard/page-header';
import { pageLanguage, pageSettings } from '@/lib/data/page';
import { decodeShareState } from '@/lib/share/url-state';

/**
 * The dashboard. The server decodes `?d=`/`?z=`/`?cloud=`/`?s=` so the form arrives filled, and hands the client
 * the same input policy the API enforces, so the page never disagrees with the server. Reading searchParams
 * makes the page render per request, so the policy is read at run time, never frozen at build time.
 * The language is `?lang=`, then the language switch's cookie, then the browser's.
 */
export default async function Page(props: PageProps<'/'>) {
  const searchParams = await props.searchParams;
  const initial = decodeShareState(searchParams);
  const lang = await pageLanguage(searchParams.lang);
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8">
      <PageHeader lang={lang} />
      <main id="main" className="mt-6">
        <Dashboard policy={pageSettings().policy} initial={initial} />
      </main>
    </div>
  );
}
