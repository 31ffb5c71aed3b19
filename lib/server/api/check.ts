/**
 * The check API: GET /api/check (one domain, one JSON report) and POST /api/check (a list, streamed as NDJSON
 * lines as each domain is done, through the run engine). Route handlers in app/api/check only wire these.
 */
import 'server-only';
import { z } from 'zod';
import { parseServicesParam } from '@/lib/input/services';
import { LANGUAGES, matchLanguage } from '@/lib/messages';
import { parseDomainList } from '@/lib/report/domain-list';
import { compactReport } from '@/lib/report/render';
import { type CheckRequest, CloudChoice } from '@/lib/schema';
import { tenantValuesFor } from '../graph/tenant';
import { acceptDomainList, capToNamesWindow } from '../http/domain-input';
import { errorResponse, pickLanguage } from '../http/errors';
import type { GuardedContext } from '../http/guard';
import { type Line, ndjsonResponse } from '../http/ndjson';
import type { RouteInput } from '../http/route';
import { getRunEngine } from '../runs/engine';

/** GET /api/check's query: `domain`, `cloud`, `services`, `fresh`, `lang`. */
export const CheckQuery = z.object({
  domain: z.string().default(''),
  cloud: z
    .string()
    .default('auto')
    .transform((raw, issue) => {
      const cloud = CloudChoice.safeParse(raw);
      if (cloud.success) return cloud.data;
      issue.addIssue({ code: 'custom', message: `Unknown cloud. Use one of: ${CloudChoice.options.join(', ')}.` });
      return z.NEVER;
    }),
  services: z
    .string()
    .optional()
    .transform((raw, issue) => {
      const services = parseServicesParam(raw);
      if (services !== null) return services;
      issue.addIssue({
        code: 'custom',
        message:
          'Unknown services. Use services=mail,teams,intune (the services in use), services=none, services=auto, or services=mail:on,teams:off.',
      });
      return z.NEVER;
    }),
  fresh: z
    .string()
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  lang: z.string().optional(),
});
export type CheckQuery = z.infer<typeof CheckQuery>;

/** One domain, one JSON report (the report in `?lang=` or the caller's Accept-Language). */
export async function checkOne(input: RouteInput<undefined, CheckQuery>, ctx: GuardedContext): Promise<Response> {
  const { query } = input;
  const lang = pickLanguage(input.request, LANGUAGES);
  const list = parseDomainList(query.domain, {
    allowTestDomains: ctx.config.allowTestDomains,
    maxLineLength: ctx.config.maxLineLength,
    maxDomains: 1,
    lang,
  });
  if (list.domains.length > 1) {
    return errorResponse('invalid-input', 'Give exactly one domain; use POST /api/check for several.', {
      issues: list.invalid,
    });
  }
  const windowed = capToNamesWindow(list, ctx.client, ctx.config, lang, 1);
  const target = windowed.list.domains[0];
  if (!target) {
    // Not valid, or past the client's names window (then the reason says so).
    const capped = windowed.list.invalid.find((i) => i.code === 'too-many-names-per-domain');
    return errorResponse('invalid-input', capped?.reason ?? 'No valid domain given.', {
      issues: windowed.list.invalid,
    });
  }
  windowed.commit();
  const limited = await ctx.chargeDomains([target.ascii]);
  if (limited) return limited;
  // The signed-in user's tenant's own records, asked before the check and handed in as data (issue 18 item 4).
  const tenant = await tenantValuesFor(input.request, target.ascii, ctx.config, ctx.signal);
  const report = await getRunEngine().checkSingle(target, {
    ...query,
    lang,
    signal: ctx.signal,
    ...(tenant ? { tenant } : {}),
  });
  ctx.record(report);
  return Response.json(compactReport(report), { headers: { 'Cache-Control': 'no-store' } });
}

/** A list: the rejected lines, then one report line per domain as it is done, then `done`. */
export async function checkList(input: RouteInput<CheckRequest, undefined>, ctx: GuardedContext): Promise<Response> {
  const { body, request } = input;
  const config = ctx.config;
  const lang = matchLanguage(body.lang) ?? pickLanguage(request, LANGUAGES);
  const accepted = acceptDomainList(
    body.domains,
    config,
    lang,
    {
      maxDomains: config.maxDomainsPerRequest,
      maxLines: config.maxLinesPerRequest,
      unit: 'request',
    },
    ctx.client,
  );
  if ('response' in accepted) return accepted.response;
  const { list } = accepted;
  const limited = await ctx.chargeDomains(list.domains.map((d) => d.ascii));
  if (limited) return limited;
  const reports = getRunEngine().checkList(list.domains, {
    cloud: body.cloud,
    lang,
    services: body.services,
    fresh: body.fresh,
    signal: ctx.signal,
    deadlineMs: config.runDeadlineMs,
  });
  async function* lines(): AsyncGenerator<Line> {
    for (const entry of list.invalid) yield { type: 'invalid', ...entry };
    let checked = 0;
    for await (const report of reports) {
      checked++;
      ctx.record({ msoid: { outcome: report.outcome } });
      yield ['{"type":"report",', report.json.subarray(1), '\n'];
    }
    yield { type: 'done', checked, invalid: list.invalid.length, duplicates: list.duplicates.length };
  }
  return ndjsonResponse(lines(), (err) => ctx.log.error({ err }, 'check stream failed'));
}
