import { parseServicesParam } from '@/lib/input/services';
import { LANGUAGES } from '@/lib/messages';
import { matchLanguage } from '@/lib/messages/language';
import { parseDomainList } from '@/lib/report/domain-list';
import { CheckRequest, CloudChoice } from '@/lib/schema';
import { acceptDomainList } from '@/lib/server/domain-input';
import { getConfig } from '@/lib/server/env';
import { guarded } from '@/lib/server/guard';
import {
  errorResponse,
  HttpError,
  pickLanguage,
  readBodyText,
  requireJson,
  requireSameOrigin,
} from '@/lib/server/http';
import { type Line, ndjsonResponse } from '@/lib/server/http/ndjson';
import { getRunEngine } from '@/lib/server/runs/engine';

export const dynamic = 'force-dynamic';

/** GET /api/check?domain=D&cloud=C[&services=S][&fresh=1][&lang=L] — one domain, one JSON report. */
export const GET = guarded('check', async (request, ctx) => {
  try {
    const config = getConfig();
    const params = new URL(request.url).searchParams;
    const cloud = CloudChoice.safeParse(params.get('cloud') ?? 'auto');
    if (!cloud.success) {
      return errorResponse('invalid-input', `Unknown cloud. Use one of: ${CloudChoice.options.join(', ')}.`);
    }
    const services = parseServicesParam(params.get('services'));
    if (services === null) {
      return errorResponse(
        'invalid-input',
        'Unknown services. Use services=mail,teams,intune (the services in use), services=none, services=auto, or services=mail:on,teams:off.',
      );
    }
    const lang = pickLanguage(request, LANGUAGES);
    const list = parseDomainList(params.get('domain') ?? '', {
      allowTestDomains: config.allowTestDomains,
      maxLineLength: config.maxLineLength,
      maxDomains: 1,
      lang,
    });
    const target = list.domains[0];
    if (!target || list.domains.length > 1) {
      const message = target ? 'Give exactly one domain; use POST /api/check for several.' : 'No valid domain given.';
      return errorResponse('invalid-input', message, { issues: list.invalid });
    }
    const limited = await ctx.chargeDomains([target.ascii]);
    if (limited) return limited;
    const report = await getRunEngine().checkSingle(target, {
      cloud: cloud.data,
      lang,
      services,
      fresh: params.get('fresh') === '1' || params.get('fresh') === 'true',
      signal: ctx.signal,
    });
    ctx.record(report);
    return Response.json(report, { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    return handleError(err);
  }
});

/** POST /api/check {domains, cloud} — streams one NDJSON line per domain as soon as it is checked. */
export const POST = guarded('check', async (request, ctx) => {
  try {
    const config = getConfig();
    requireSameOrigin(request);
    requireJson(request);
    const text = await readBodyText(request, config.maxBodyBytes);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return errorResponse('invalid-input', 'The request body is not valid JSON.');
    }
    const body = CheckRequest.safeParse(json);
    if (!body.success) {
      const detail = body.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
      return errorResponse('invalid-input', `The request body does not match {domains, cloud}: ${detail}`);
    }
    const lang = matchLanguage(body.data.lang) ?? pickLanguage(request, LANGUAGES);
    const accepted = acceptDomainList(body.data.domains, config, lang, {
      maxDomains: config.maxDomainsPerRequest,
      maxLines: config.maxLinesPerRequest,
      unit: 'request',
    });
    if ('response' in accepted) return accepted.response;
    const { list } = accepted;
    const limited = await ctx.chargeDomains(list.domains.map((d) => d.ascii));
    if (limited) return limited;
    const reports = getRunEngine().checkList(list.domains, {
      cloud: body.data.cloud,
      lang,
      services: body.data.services,
      fresh: body.data.fresh,
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
  } catch (err) {
    return handleError(err);
  }
});

/** Other methods get the shared error model rather than an empty 405. */
export function PUT(): Response {
  return methodNotAllowed();
}
export const PATCH = PUT;
export const DELETE = PUT;

function methodNotAllowed(): Response {
  return errorResponse(
    'method-not-allowed',
    'Use GET /api/check?domain=… or POST /api/check.',
    {},
    { Allow: 'GET, POST' },
  );
}

function handleError(err: unknown): Response {
  if (err instanceof HttpError) return err.toResponse();
  console.error('check route failed', err);
  return errorResponse('internal', 'Something went wrong on the server. The error was logged.');
}
