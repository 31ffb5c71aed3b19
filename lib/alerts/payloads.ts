/**
 * The body each channel kind expects, from a rendered alert. Pure and exact: the integration tests compare the
 * receivers' bodies with these shapes.
 * - Microsoft Teams Workflows ("When a Teams webhook request is received" → post card): a `message` whose one
 *   attachment is an Adaptive Card (version 1.4, which Teams renders everywhere).
 * - Slack incoming webhook: `text` (the notification's fallback) and Block Kit `blocks`.
 * - The generic webhook: our own JSON, versioned; signed by lib/server/alerts/sign.ts.
 */
import type { AlertMessage, RenderedAlert } from './message';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export function teamsPayload(r: RenderedAlert) {
  const body: Array<Record<string, unknown>> = [
    { type: 'TextBlock', text: r.title, weight: 'Bolder', size: 'Medium', wrap: true },
  ];
  if (r.summary) body.push({ type: 'TextBlock', text: r.summary, wrap: true });
  for (const line of r.lines) body.push({ type: 'TextBlock', text: `- ${line}`, wrap: true, spacing: 'None' });
  if (r.more) body.push({ type: 'TextBlock', text: r.more, wrap: true, isSubtle: true, spacing: 'None' });
  const content: Record<string, unknown> = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body,
    msteams: { width: 'Full' },
  };
  if (r.link) content.actions = [{ type: 'Action.OpenUrl', title: 'Open', url: r.link }];
  return { type: 'message', attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, content }] };
}

/** Slack mrkdwn needs &, < and > escaped. */
const slackEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function slackPayload(r: RenderedAlert) {
  const blocks: Array<Record<string, unknown>> = [
    { type: 'header', text: { type: 'plain_text', text: r.title.slice(0, 150) } },
  ];
  if (r.summary) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: slackEscape(r.summary) } });
  const list = [...r.lines.map((l) => `• ${slackEscape(l)}`), ...(r.more ? [slackEscape(r.more)] : [])];
  if (list.length) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: list.join('\n') } });
  if (r.link) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `<${r.link}>` }] });
  return { text: r.summary ? `${r.title}: ${r.summary}` : r.title, blocks };
}

/** The generic webhook's JSON: the message as data plus its rendered text. */
export function webhookPayload(message: AlertMessage, r: RenderedAlert, lang: string) {
  return { version: 1, kind: message.kind, lang, title: r.title, summary: r.summary, lines: r.lines, data: message };
}

export function emailContent(r: RenderedAlert): { subject: string; text: string } {
  const text = [
    r.summary,
    '',
    ...r.lines.map((l) => `- ${l}`),
    ...(r.more ? [r.more] : []),
    ...(r.link ? ['', r.link] : []),
  ];
  return { subject: r.title, text: text.join('\n').trim() };
}
