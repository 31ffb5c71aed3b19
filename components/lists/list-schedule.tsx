'use client';

import { type FormEvent, useId, useState } from 'react';
import useSWR from 'swr';
import { useT } from '@/components/ui/i18n-provider';
import { errorFromResponse } from '@/lib/client/api-error';
import { fetchJson } from '@/lib/client/fetcher';
import { Schedule } from '@/lib/schema-alerts';
import { FormMessage, LoadError } from '../alerts/form-message';

const INPUT = 'rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800';
const BUTTON =
  'rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold disabled:opacity-60 dark:border-slate-700';
type Kind = 'daily' | 'weekly' | 'monthly' | 'cron';

/** The schedule of a list, or null when it has none (GET answers 404 then). */
export const scheduleKey = (listId: string) => `/api/lists/${encodeURIComponent(listId)}/schedule`;
async function fetchSchedule(url: string): Promise<Schedule | null> {
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  if (res.status === 404) return null;
  return fetchJson(url, Schedule);
}

/** The browser's IANA time zone and the zones it knows (the picker's choices). */
function zones(): { own: string; all: string[] } {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return { own, all: [...new Set(['UTC', own, ...known])].sort() };
}

/** A cron expression of ours back into the page's simple choice (what `simpleToCron` makes), or null. */
function simpleOf(cron: string): { kind: Kind; time: string; day: number } | null {
  const m = /^(\d{1,2}) (\d{1,2}) (\*|\d{1,2}) \* (\*|\d)$/.exec(cron);
  if (!m) return null;
  const time = `${m[2]?.padStart(2, '0')}:${m[1]?.padStart(2, '0')}`;
  if (m[3] === '*' && m[4] === '*') return { kind: 'daily', time, day: 1 };
  if (m[3] === '*') return { kind: 'weekly', time, day: Number(m[4]) };
  if (m[4] === '*') return { kind: 'monthly', time, day: Number(m[3]) };
  return null;
}

/**
 * A list's schedule (GET/PUT/DELETE /api/lists/:id/schedule): daily, weekly on a day, monthly on a day at a
 * time, or a cron expression, in a time zone (the browser's by default); shows the next run in that zone.
 * Read-only unless `editable` (operators).
 */
export function ListSchedule({ listId, editable }: { listId: string; editable: boolean }) {
  const { t, lang, inZone } = useT();
  const id = useId();
  const { data, error, mutate } = useSWR(scheduleKey(listId), fetchSchedule, { revalidateOnFocus: false });
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [kind, setKind] = useState<Kind | null>(null);
  const tz = zones();
  const current = data ? (simpleOf(data.cron) ?? { kind: 'cron' as Kind, time: '09:00', day: 1 }) : null;
  const shownKind: Kind = kind ?? current?.kind ?? 'weekly';
  const weekday = (d: number) =>
    new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 7 + d)));

  /** The schedule as a reader says it ("every Monday at 07:00"); a cron expression of the reader's own as it is. */
  const scheduleSentence = (cron: string, zone: string) => {
    const simple = simpleOf(cron);
    if (!simple) return t('lists.schedule.current', { cron, tz: zone });
    const params = { time: simple.time, tz: zone };
    if (simple.kind === 'daily') return t('lists.schedule.currentDaily', params);
    if (simple.kind === 'weekly') return t('lists.schedule.currentWeekly', { ...params, weekday: weekday(simple.day) });
    return t('lists.schedule.currentMonthly', { ...params, monthDay: simple.day });
  };

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const s = (k: string) => String(f.get(k) ?? '').trim();
    const body =
      shownKind === 'cron'
        ? { cron: s('cron') }
        : { simple: { kind: shownKind, time: s('time'), ...(shownKind === 'daily' ? {} : { day: Number(s('day')) }) } };
    await send('PUT', { ...body, tz: s('tz'), enabled: f.get('enabled') === 'on' });
  }

  async function send(method: 'PUT' | 'DELETE', body?: unknown) {
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch(scheduleKey(listId), {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!res.ok) throw await errorFromResponse(res);
      await mutate(method === 'PUT' ? Schedule.parse(await res.json()) : null, { revalidate: false });
      setKind(null);
      setMessage(method === 'PUT' ? { text: t('lists.schedule.saved'), error: false } : null);
    } catch (err) {
      setMessage({ text: err instanceof Error ? err.message : String(err), error: true });
    } finally {
      setBusy(false);
    }
  }

  const label = 'block text-sm';
  return (
    <section aria-labelledby={`${id}-h`} data-testid="list-schedule" className="min-w-0 space-y-2">
      <h2 id={`${id}-h`} className="text-lg font-semibold">
        {t('lists.schedule.heading')}
      </h2>
      <LoadError error={error} />
      {data === null ? <p className="text-sm text-slate-600 dark:text-slate-400">{t('lists.schedule.none')}</p> : null}
      {data ? (
        <div className="text-sm">
          <p>
            {scheduleSentence(data.cron, data.tz)}
            {data.enabled ? '' : ` · ${t('lists.schedule.paused')}`}
          </p>
          <p className="font-medium" data-testid="schedule-next-run">
            {data.nextRun
              ? t('lists.schedule.nextRun', { time: inZone(data.nextRun, data.tz) })
              : t('lists.schedule.noNext')}
          </p>
        </div>
      ) : null}
      {editable && data !== undefined ? (
        <form onSubmit={save} className="flex flex-wrap items-end gap-3" key={data ? data.cron + data.tz : 'new'}>
          <div className={label}>
            <label htmlFor={`${id}-kind`}>{t('lists.schedule.kind')}</label>
            <select
              id={`${id}-kind`}
              className={`${INPUT} block`}
              value={shownKind}
              onChange={(e) => setKind(e.target.value as Kind)}
            >
              <option value="daily">{t('lists.schedule.daily')}</option>
              <option value="weekly">{t('lists.schedule.weekly')}</option>
              <option value="monthly">{t('lists.schedule.monthly')}</option>
              <option value="cron">{t('lists.schedule.cron')}</option>
            </select>
          </div>
          {shownKind === 'cron' ? (
            <div className={label}>
              <label htmlFor={`${id}-cron`}>{t('lists.schedule.cronField')}</label>
              <input
                id={`${id}-cron`}
                name="cron"
                required
                className={`${INPUT} block font-mono`}
                defaultValue={data?.cron ?? '0 9 * * 1'}
                placeholder="0 9 * * 1"
              />
            </div>
          ) : (
            <>
              {shownKind === 'weekly' ? (
                <div className={label}>
                  <label htmlFor={`${id}-day`}>{t('lists.schedule.weekday')}</label>
                  <select
                    id={`${id}-day`}
                    name="day"
                    className={`${INPUT} block`}
                    defaultValue={current?.kind === 'weekly' ? current.day : 1}
                  >
                    {[0, 1, 2, 3, 4, 5, 6].map((d) => (
                      <option key={d} value={d}>
                        {weekday(d)}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              {shownKind === 'monthly' ? (
                <div className={label}>
                  <label htmlFor={`${id}-mday`}>{t('lists.schedule.monthDay')}</label>
                  <input
                    id={`${id}-mday`}
                    name="day"
                    type="number"
                    min={1}
                    max={28}
                    required
                    className={`${INPUT} block w-20`}
                    defaultValue={current?.kind === 'monthly' ? current.day : 1}
                  />
                </div>
              ) : null}
              <div className={label}>
                <label htmlFor={`${id}-time`}>{t('lists.schedule.time')}</label>
                <input
                  id={`${id}-time`}
                  name="time"
                  type="time"
                  required
                  className={`${INPUT} block`}
                  defaultValue={current?.kind === shownKind ? current.time : '09:00'}
                />
              </div>
            </>
          )}
          <div className={label}>
            <label htmlFor={`${id}-tz`}>{t('lists.schedule.tz')}</label>
            <select
              id={`${id}-tz`}
              name="tz"
              className={`${INPUT} block max-w-[14rem]`}
              defaultValue={data?.tz ?? tz.own}
            >
              {tz.all.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="enabled" defaultChecked={data?.enabled ?? true} />
            {t('lists.schedule.enabled')}
          </label>
          <div className="flex gap-2">
            <button type="submit" className={BUTTON} disabled={busy}>
              {t('lists.schedule.save')}
            </button>
            {data ? (
              <button type="button" className={BUTTON} disabled={busy} onClick={() => send('DELETE')}>
                {t('lists.schedule.remove')}
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
      <FormMessage message={message} />
    </section>
  );
}
