/**
 * The generic webhook's signature (docs/alerts.md): `X-M365DH-Timestamp` is the send time in Unix seconds and
 * `X-M365DH-Signature` is `sha256=` + hex HMAC-SHA256, keyed with the channel's secret, over
 * `timestamp + "." + body`. A receiver recomputes it over the raw body and rejects a timestamp older than a few
 * minutes, so a captured request can't be replayed.
 */
import 'server-only';
import { createHmac } from 'node:crypto';

export const TIMESTAMP_HEADER = 'X-M365DH-Timestamp';
export const SIGNATURE_HEADER = 'X-M365DH-Signature';

export function signatureHeaders(secret: string, body: string, nowMs: number): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: `sha256=${mac}` };
}
