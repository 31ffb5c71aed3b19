import { LANGUAGES } from '@/lib/messages';
import { matchLanguage } from '@/lib/messages/language';
import { type RunCreated, RunCreateRequest } from '@/lib/schema';
import { acceptDomainList } from '@/lib/server/domain-input';
import { guarded } from '@/lib/server/guard';
import { errorResponse, pickLanguage } from '@/lib/server/http';
import { getRunEngine } from '@/lib/server/runs/engine';
import { readJsonBody, runRouteError } from '@/lib/server/runs/route-helpers';
import { runLinks } from '@/lib/server/runs/view';

export const dynamic = 'force-dynamic';

/**
 * POST /api/runs {domains, cloud, services?, lang?} — starts a server-side run and answers 201 at once with
 * its id and links; the run goes on without this request (follow it with GET /api/runs/:id[/events]).
 */
export const POST = guarded('check', async (request, ctx) => {
  try {
    const engine = getRunEngine();
    const config = ctx.config;
    const json = await readJsonBody(request, Math.max(config.maxBodyBytes, config.maxDomainsPerRun * 300));
    if (json instanceof Response) return json;
    const body = RunCreateRequest.safeParse(json);
    if (!body.success) {
      const detail = body.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
      return errorResponse('invalid-input', `The request body does not match {domains, cloud}: ${detail}`);
    }
    const lang = matchLanguage(body.data.lang) ?? pickLanguage(request, LANGUAGES);
    const accepted = acceptDomainList(body.data.domains, config, lang, {
      maxDomains: config.maxDomainsPerRun,
      maxLines: Math.max(config.maxLinesPerRequest, config.maxDomainsPerRun * 2),
      unit: 'run',
    });
    if ('response' in accepted) return accepted.response;
    const { list } = accepted;
    const limited = await ctx.chargeDomains(list.domains.map((d) => d.ascii));
    if (limited) return limited;
    const run = await engine.start({
      cloud: body.data.cloud,
      services: body.data.services,
      lang,
      targets: list.domains.map(({ ascii, display, registrable, isSubdomain }) => ({
        ascii,
        display,
        registrable,
        isSubdomain,
      })),
      invalid: list.invalid,
      duplicates: list.duplicates.map(({ line, input, ascii, firstLine }) => ({ line, input, ascii, firstLine })),
    });
    const created: RunCreated = {
      id: run.id,
      status: run.status,
      total: run.targets.length,
      invalid: run.invalid,
      duplicates: run.duplicates,
      createdAt: new Date(run.createdAt).toISOString(),
      expiresAt: new Date(run.expiresAt).toISOString(),
      links: runLinks(run.id),
    };
    return Response.json(created, {
      status: 201,
      headers: { 'Cache-Control': 'no-store', Location: created.links.self },
    });
  } catch (err) {
    return runRouteError(err);
  }
});
