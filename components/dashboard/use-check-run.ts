import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { toClientError } from '@/lib/client/api-error';
import type { CheckBody } from '@/lib/client/check-stream';
import { initialRunState, type RunAction, runErrorFrom, runReducer, uncheckedDomains } from '@/lib/client/run-state';
import { type ServiceChoices, toOverride } from '@/lib/client/services';
import type { CloudChoice, Report } from '@/lib/schema';
import { loadCheckStream } from './page-modules';

export type CheckRun = ReturnType<typeof useCheckRun>;

/**
 * The shell around the pure run reducer: starts a streamed check, feeds each line to the reducer as it
 * arrives, stops it, re-checks the rows that could not be checked, and applies one-row re-check results.
 */
export function useCheckRun(lang: string) {
  const [state, dispatch] = useReducer(runReducer, initialRunState);
  const controller = useRef<AbortController | null>(null);
  const nextId = useRef(0);

  const consume = useCallback(
    async (body: CheckBody, begin: (id: number) => RunAction) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      nextId.current += 1;
      const id = nextId.current;
      dispatch(begin(id));
      try {
        // The stream reader and its schema (zod) load with the first check, not with the page.
        const { startCheck } = await loadCheckStream();
        const lines = await startCheck({ ...body, lang }, abort.signal);
        for await (const line of lines) dispatch({ type: 'line', streamId: id, line });
        dispatch({ type: 'end', streamId: id });
      } catch (err) {
        dispatch({ type: 'fail', streamId: id, error: runErrorFrom(toClientError(err)) });
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [lang],
  );

  /**
   * Checks the pasted text (sent as typed, so the server's line numbers match the box). `services` goes in the
   * body only when the user set one.
   */
  const run = useCallback(
    (text: string, cloud: CloudChoice, services: ServiceChoices, domains: readonly string[]) => {
      const override = toOverride(services);
      return consume({ domains: text, cloud, ...(override ? { services: override } : {}) }, (id) => ({
        type: 'start',
        id,
        cloud,
        services,
        domains,
      }));
    },
    [consume],
  );

  const stop = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    dispatch({ type: 'stop' });
  }, []);

  const unchecked = useMemo(() => uncheckedDomains(state), [state]);

  /** Re-checks, in one stream and bypassing the server cache, every row that could not be checked. */
  const recheckUnchecked = useCallback(() => {
    if (unchecked.length === 0 || state.active?.kind === 'run') return;
    const override = toOverride(state.services);
    const body = { domains: unchecked.join('\n'), cloud: state.cloud, fresh: true };
    void consume(override ? { ...body, services: override } : body, (id) => ({
      type: 'recheck-start',
      id,
      domains: unchecked,
    }));
  }, [consume, unchecked, state.cloud, state.services, state.active]);

  const applyReport = useCallback((report: Report) => dispatch({ type: 'report', report }), []);

  useEffect(() => () => controller.current?.abort(), []);

  return { state, run, stop, recheckUnchecked, unchecked, applyReport };
}
