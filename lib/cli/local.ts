/**
 * Checks in this process, with the server's own check (lib/server/check.ts) and settings (lib/server/env.ts:
 * DNS_SERVERS, timeouts, AUTHORITATIVE, PROPAGATION…), BULK_CONCURRENCY domains at a time. A single domain is
 * checked as GET /api/check does (with the propagation comparison); a list as POST /api/check does.
 */
import type { ParsedEntry } from '@/lib/report/domain-list';
import { renderResult } from '@/lib/report/render';
import type { CloudChoice, Report, ServiceOverride } from '@/lib/schema';
import { checkResult } from '@/lib/server/check';
import type { ServerConfig } from '@/lib/server/env';

export type CheckSettings = { cloud: CloudChoice; services?: ServiceOverride; lang: string };

/**
 * Each target's report as it is done. Once `signal` aborts no domain starts, the ones in flight are dropped, and
 * the generator ends.
 */
export async function* checkLocally(
  targets: readonly ParsedEntry[],
  settings: CheckSettings,
  config: ServerConfig,
  signal: AbortSignal,
): AsyncGenerator<Report> {
  const ready: Report[] = [];
  let next = 0;
  let running = 0;
  let wake: (() => void) | null = null;
  const propagation = targets.length === 1;
  const start = () => {
    while (!signal.aborted && running < Math.max(1, config.bulkConcurrency) && next < targets.length) {
      const target = targets[next++] as ParsedEntry;
      running++;
      checkResult(target, { cloud: settings.cloud, services: settings.services, signal, propagation })
        .then((result) => {
          if (!signal.aborted) ready.push(renderResult(result, settings.lang));
        })
        .catch(() => undefined)
        .finally(() => {
          running--;
          start();
          wake?.();
        });
    }
  };
  const stopped = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  start();
  while (!signal.aborted && (running > 0 || ready.length > 0 || next < targets.length)) {
    const report = ready.shift();
    if (report) {
      yield report;
      continue;
    }
    await Promise.race([
      new Promise<void>((resolve) => {
        wake = resolve;
      }),
      stopped,
    ]);
  }
}
