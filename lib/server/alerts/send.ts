/**
 * Sends one alert over one channel: the payload of its kind (lib/alerts/payloads.ts) through the SSRF guard
 * (./egress.ts); e-mail through nodemailer to the checked address of the SMTP host (TLS still verified against
 * the host name). Errors name the host and what went wrong, never a URL, a password or a key.
 */
import 'server-only';
import { type AlertMessage, renderAlert } from '@/lib/alerts/message';
import { emailContent, slackPayload, teamsPayload, webhookPayload } from '@/lib/alerts/payloads';
import type { ChannelForSend } from './channels';
import { postJson, safeAddress } from './egress';
import { signatureHeaders } from './sign';

export type SendOptions = { allowPrivate: boolean; timeoutMs: number; now?: () => number };

export async function sendAlert(channel: ChannelForSend, message: AlertMessage, opts: SendOptions): Promise<void> {
  const rendered = renderAlert(message, channel.lang);
  switch (channel.kind) {
    case 'teams':
      await postJson(channel.url, JSON.stringify(teamsPayload(rendered)), {}, opts);
      return;
    case 'slack':
      await postJson(channel.url, JSON.stringify(slackPayload(rendered)), {}, opts);
      return;
    case 'webhook': {
      const body = JSON.stringify(webhookPayload(message, rendered, channel.lang));
      const headers = signatureHeaders(channel.secret, body, (opts.now ?? Date.now)());
      await postJson(channel.url, body, headers, opts);
      return;
    }
    case 'email': {
      const pinned = await safeAddress(channel.host, opts.allowPrivate);
      const { createTransport } = await import('nodemailer');
      const transport = createTransport({
        host: pinned.address,
        port: channel.port,
        secure: channel.secure,
        // TLS is verified against the name the user gave, though the connection goes to the checked address.
        tls: { servername: channel.host },
        connectionTimeout: opts.timeoutMs,
        greetingTimeout: opts.timeoutMs,
        socketTimeout: opts.timeoutMs,
        ...(channel.user ? { auth: { user: channel.user, pass: channel.password ?? '' } } : {}),
        logger: false,
      });
      const content = emailContent(rendered);
      try {
        await transport.sendMail({ from: channel.from, to: channel.to, subject: content.subject, text: content.text });
      } catch (err) {
        const e = err as { code?: string; responseCode?: number };
        throw new Error(`${channel.host}: SMTP ${e.responseCode ?? e.code ?? 'error'}`);
      } finally {
        transport.close();
      }
      return;
    }
  }
}
