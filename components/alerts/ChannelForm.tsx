'use client';

import { type FormEvent, useId, useState } from 'react';
import { useT } from '@/components/ui/i18n-provider';
import { errorFromResponse } from '@/lib/client/api-error';
import { ALERT_LANGS, CHANNEL_KINDS, Channel, type ChannelKind, Delivery } from '@/lib/schema-alerts';
import { FormMessage } from './form-message';

const INPUT = 'w-full rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800';
const BUTTON =
  'rounded-lg border border-emerald-600 px-3 py-1.5 text-sm font-medium text-emerald-800 hover:bg-emerald-50 dark:text-emerald-200 dark:hover:bg-slate-700';

/** The body of POST /api/channels from the form's fields (the server validates it against ChannelCreate). */
function bodyOf(kind: ChannelKind, f: FormData): Record<string, unknown> {
  const s = (k: string) => String(f.get(k) ?? '').trim();
  const base = { kind, name: s('name'), lang: s('lang') || 'en' };
  if (kind === 'email') {
    return {
      ...base,
      host: s('host'),
      port: Number(s('port') || 587),
      secure: f.get('secure') === 'on',
      ...(s('user') ? { user: s('user') } : {}),
      ...(s('password') ? { password: String(f.get('password')) } : {}),
      from: s('from'),
      to: s('to')
        .split(/[,;\s]+/)
        .filter(Boolean),
    };
  }
  return { ...base, url: s('url'), ...(kind === 'webhook' ? { secret: String(f.get('secret') ?? '') } : {}) };
}

/**
 * Creates an alert channel (Teams Workflows, Slack, SMTP e-mail or a signed webhook) and offers "Send a test
 * message". Secrets go to the server once and are never shown again: after saving, the form shows the masked
 * target. `onCreated` lets the list page subscribe the new channel.
 */
export function ChannelForm({ onCreated }: { onCreated?: (channel: Channel) => void }) {
  const { t } = useT();
  const id = useId();
  const [kind, setKind] = useState<ChannelKind>('teams');
  const [saved, setSaved] = useState<Channel | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch('/api/channels', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(bodyOf(kind, new FormData(event.currentTarget))),
      });
      if (!res.ok) throw await errorFromResponse(res);
      const channel = Channel.parse(await res.json());
      setSaved(channel);
      setMessage({ text: t('alerts.ui.saved', { target: channel.target }), error: false });
      onCreated?.(channel);
    } catch (err) {
      setMessage({ text: err instanceof Error ? err.message : String(err), error: true });
    } finally {
      setBusy(false);
    }
  }

  async function test() {
    if (!saved) return;
    setBusy(true);
    try {
      const res = await fetch(`/api/channels/${encodeURIComponent(saved.id)}/test`, { method: 'POST' });
      const json: unknown = await res.json().catch(() => null);
      const parsed = Delivery.safeParse(json);
      if (!parsed.success) throw new Error((json as { message?: string } | null)?.message ?? `HTTP ${res.status}`);
      const d = parsed.data;
      const error = d.error ?? '';
      if (d.status === 'sent') setMessage({ text: t('alerts.ui.testSent'), error: false });
      else if (d.status === 'retrying') setMessage({ text: t('alerts.ui.testRetrying', { error }), error: true });
      else setMessage({ text: t('alerts.ui.testFailed', { error }), error: true });
    } catch (err) {
      setMessage({ text: err instanceof Error ? err.message : String(err), error: true });
    } finally {
      setBusy(false);
    }
  }

  const field = (name: string, label: string, props: Record<string, unknown> = {}) => (
    <label className="block text-sm" htmlFor={`${id}-${name}`}>
      {label}
      <input id={`${id}-${name}`} name={name} className={INPUT} {...props} />
    </label>
  );

  return (
    <form onSubmit={submit} className="space-y-2" data-testid="channel-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {t('alerts.ui.channelTitle')}
      </h2>
      <label className="block text-sm" htmlFor={`${id}-kind`}>
        {t('alerts.ui.kind')}
        <select
          id={`${id}-kind`}
          className={INPUT}
          value={kind}
          onChange={(e) => setKind(e.target.value as ChannelKind)}
        >
          {CHANNEL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`alerts.ui.kindName.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {field('name', t('alerts.ui.name'), { required: true, maxLength: 100 })}
      <label className="block text-sm" htmlFor={`${id}-lang`}>
        {t('alerts.ui.lang')}
        <select id={`${id}-lang`} name="lang" className={INPUT} defaultValue="en">
          {ALERT_LANGS.map((l) => (
            <option key={l} value={l}>
              {t(`language.name.${l}`)}
            </option>
          ))}
        </select>
      </label>
      {kind === 'email' ? (
        <>
          {field('host', t('alerts.ui.host'), { required: true })}
          {field('port', t('alerts.ui.port'), { type: 'number', min: 1, max: 65535, defaultValue: 587 })}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="secure" />
            {t('alerts.ui.secure')}
          </label>
          {field('user', t('alerts.ui.user'), { autoComplete: 'off' })}
          {field('password', t('alerts.ui.password'), { type: 'password', autoComplete: 'new-password' })}
          {field('from', t('alerts.ui.from'), { type: 'email', required: true })}
          {field('to', t('alerts.ui.to'), { required: true })}
        </>
      ) : (
        <>
          {field('url', t('alerts.ui.url'), { type: 'url', required: true, autoComplete: 'off' })}
          <p className="text-xs text-slate-600 dark:text-slate-400">{t('alerts.ui.urlHint')}</p>
          {kind === 'webhook'
            ? field('secret', t('alerts.ui.secret'), { type: 'password', required: true, minLength: 16 })
            : null}
        </>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={BUTTON} disabled={busy}>
          {t('alerts.ui.save')}
        </button>
        {saved ? (
          <button type="button" className={BUTTON} disabled={busy} onClick={test} data-testid="channel-test">
            {t('alerts.ui.test')}
          </button>
        ) : null}
      </div>
      <FormMessage message={message} />
    </form>
  );
}
