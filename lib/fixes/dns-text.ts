/**
 * Presentation helpers for DNS names and values. DNS values are hostile text: nothing here lets a quote,
 * a backslash, a newline or any control character escape from where it is written. Pure, browser-safe.
 */
import { normalizeName } from '@/lib/lookups/dns-names';

const encoder = new TextEncoder();

/** `\DDD`: the zone-file escape of one byte (RFC 1035 §5.1). */
function decimalEscape(byte: number): string {
  return `\\${byte.toString().padStart(3, '0')}`;
}

/**
 * Where `name` sits relative to `zone`: `@` for the apex, the leading labels for a name inside it
 * (`msoid.sub.contoso.com` in `contoso.com` → `msoid.sub`), null for a name outside it. Whole labels only.
 */
export function relativeName(name: string, zone: string): string | null {
  const n = normalizeName(name);
  const z = normalizeName(zone);
  if (n === z) return '@';
  if (z === '') return n;
  return n.endsWith(`.${z}`) ? n.slice(0, -(z.length + 1)) : null;
}

/**
 * A name in zone-file presentation form, without a trailing dot. Letters, digits, `-`, `_` and a whole-label
 * `*` stay; every other byte of a label (space, `;`, `"`, `(`, `@`, `$`, `\`, controls, non-ASCII) becomes `\DDD`.
 */
export function presentName(name: string): string {
  return name
    .split('.')
    .map((label) => {
      if (label === '*') return label;
      let out = '';
      for (const byte of encoder.encode(label)) {
        const ch = String.fromCharCode(byte);
        out += /[A-Za-z0-9_-]/.test(ch) ? ch : decimalEscape(byte);
      }
      return out;
    })
    .join('.');
}

/** Escapes one TXT character-string's bytes for use between double quotes. */
function escapeTxtBytes(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    if (byte === 0x22) out += '\\"';
    else if (byte === 0x5c) out += '\\\\';
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += decimalEscape(byte);
  }
  return out;
}

/** A TXT character-string holds at most 255 bytes. */
export const TXT_CHUNK_BYTES = 255;

/**
 * A TXT value as quoted character-strings: `"v=spf1 …"`, split into several strings when its UTF-8 form is
 * longer than 255 bytes (resolvers join them back). `"` and `\` are backslash-escaped; bytes outside
 * printable ASCII (newline, tab, controls, non-ASCII) become `\DDD`, so the result is one printable line.
 */
export function quoteTxt(value: string): string {
  const bytes = encoder.encode(value);
  if (bytes.length === 0) return '""';
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += TXT_CHUNK_BYTES) {
    parts.push(`"${escapeTxtBytes(bytes.subarray(i, i + TXT_CHUNK_BYTES))}"`);
  }
  return parts.join(' ');
}

/** Parses an MX value `<preference> <exchange>`; null when it does not have that shape. */
export function parseMx(value: string): { preference: string; exchange: string } | null {
  const m = /^\s*(\d{1,5})\s+(\S+)\s*$/.exec(value);
  return m ? { preference: m[1] as string, exchange: m[2] as string } : null;
}

/** Parses an SRV value `<priority> <weight> <port> <target>`; null when it does not have that shape. */
export function parseSrv(value: string): { priority: string; weight: string; port: string; target: string } | null {
  const m = /^\s*(\d{1,5})\s+(\d{1,5})\s+(\d{1,5})\s+(\S+)\s*$/.exec(value);
  if (!m) return null;
  return { priority: m[1] as string, weight: m[2] as string, port: m[3] as string, target: m[4] as string };
}

/** A target name without trailing dots (the canonical form); the root stays `.`. */
export function bareTarget(target: string): string {
  const t = target.trim().replace(/\.+$/, '');
  return t === '' ? '.' : t;
}

/** A target name with exactly one trailing dot. */
export function dottedTarget(target: string): string {
  const t = bareTarget(target);
  return t === '.' ? t : `${t}.`;
}
