import { parseDomainList } from '@/lib/report/domain-list';
import { type RunRecheckAccepted, RunRecheckRequest } from '@/lib/schema';
import { guarded } from '@/lib/server/guard';
import { errorResponse } from '@/lib/server/http';
import { getRunEngine } from '@/lib/server/runs/engine';
import { findRun, readJsonBody, runRouteError } from '@/lib/server/runs/route-helpers';
import { runLinks } from '@/lib/server/runs/view';

export const dynamic = 'force-dynamic';

/**
 * POST /api/runs/:id/recheck {domains?: string[], filter?: 'could-not-check'} — checks those domains of the
 * run again (fresh, past our cache) and replaces their results; 202, the new results come through events.
 */
export async function POST(request: Request, route: RouteContext<'/api/runs/[id]/recheck'>): Promise<Response> {
  const { id } = await route.params;
  return guarded('check', async (req, ctx) => {
    try {
      const engine = getRunEngine();
      const run = await findRun(engine, id);
      if (run instanceof Response) return run;
      const json = await readJsonBody(req, ctx.config.maxBodyBytes);
      if (json instanceof Response) return json;
      const body = RunRecheckRequest.safeParse(json);
      if (!body.success || (!body.data.domains && !body.data.filter)) {
        return errorResponse(
          'invalid-input',
          'Send {"domains": ["example.com", …]} and/or {"filter": "could-not-check"}.',
        );
      }
      const byAscii = new Map(run.targets.map((t) => [t.ascii, t]));
      const wanted = new Set<string>();
      if (body.data.domains) {
        const list = parseDomainList(body.data.domains, {
          allowTestDomains: ctx.config.allowTestDomains,
          maxLineLength: ctx.config.maxLineLength,
          maxDomains: run.targets.length,
        });
        const unknown = list.domains.filter((d) => !byAscii.has(d.ascii));
        if (list.invalid.length > 0 || unknown.length > 0) {
          const names = [...list.invalid.map((i) => i.input), ...unknown.map((d) => d.input)];
          return errorResponse('invalid-input', `Not domains of this run: ${names.slice(0, 20).join(', ')}.`, {
            issues: [
              ...list.invalid,
              ...unknown.map((d) => ({ line: d.line, input: d.input, reason: 'not a domain of this run' })),
            ],
          });
        }
        for (const d of list.domains) wanted.add(d.ascii);
      }
      if (body.data.filter === 'could-not-check') {
        for (const result of run.results) if (result.health === 'could-not-check') wanted.add(result.domain);
      }
      const revision = run.revision;
      const targets = [...wanted].flatMap((ascii) => byAscii.get(ascii) ?? []);
      if (targets.length > 0) {
        const limited = await ctx.chargeDomains(targets.map((t) => t.ascii));
        if (limited) return limited;
        await engine.recheck(id, targets);
      }
      const accepted: RunRecheckAccepted = {
        id,
        status: run.status,
        rechecking: targets.map((t) => t.ascii),
        revision,
        links: runLinks(id),
      };
      return Response.json(accepted, { status: 202, headers: { 'Cache-Control': 'no-store' } });
    } catch (err) {
      return runRouteError(err);
    }
  })(request);
}
