import { Dashboard } from '@/components/dashboard/dashboard';
import { PageHeader } from '@/components/dashboard/page-header';
import { dashboardLink, pageLanguage, pageSettings } from '@/lib/data/page';

/**
 * The dashboard. The server decodes `?d=`/`?z=`/`?cloud=`/`?s=` so the form arrives filled, and hands the client
 * the same input policy the API enforces, so the page never disagrees with the server. Reading searchParams
 * makes the page render per request, so the policy is read at run time, never frozen at build time.
 * The language is `?lang=`, then the language switch's cookie, then the browser's. The list is bounded by what the
 * server could check, costs the caller a rate-limit point, and is not checked on arrival when another site
 * opened the page (lib/data/page.ts).
 */
export default async function Page(props: PageProps<'/'>) {
  const searchParams = await props.searchParams;
  const link = await dashboardLink(searchParams);
  const lang = await pageLanguage(searchParams.lang);
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8">
      <PageHeader lang={lang} />
      <main id="main" className="mt-6">
        <Dashboard
          policy={pageSettings().policy}
          initial={link.value}
          notices={link.notices}
          limits={link.limits}
          autoRun={link.autoRun}
        />
      </main>
    </div>
  );
}
