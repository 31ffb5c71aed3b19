/**
 * A BIND zone-file snippet for a list of fixes, for hosts that import zone files and for admins who
 * read them. Pure, browser-safe. Every name and value is escaped: each fix is exactly one line.
 */
import { normalizeName } from '@/lib/lookups/dns-names';
import type { Fix } from '@/lib/schema';
import { bareTarget, parseMx, parseSrv, presentName, quoteTxt, relativeName } from './dns-text';

/** A target name in absolute form (`name.`), escaped. */
function absolute(name: string): string {
  const bare = bareTarget(name);
  return bare === '.' ? '.' : `${presentName(bare)}.`;
}

/** The RDATA of a fix in presentation form, or null when the value does not have the type's shape. */
function rdata(fix: Fix): string | null {
  switch (fix.type) {
    case 'CNAME':
    case 'NS':
      return /\s/.test(fix.value.trim()) ? null : absolute(fix.value);
    case 'MX': {
      const mx = parseMx(fix.value);
      return mx && `${mx.preference} ${absolute(mx.exchange)}`;
    }
    case 'SRV': {
      const srv = parseSrv(fix.value);
      return srv && `${srv.priority} ${srv.weight} ${srv.port} ${absolute(srv.target)}`;
    }
    case 'TXT':
      return quoteTxt(fix.value);
    case 'A':
      return /^\d{1,3}(\.\d{1,3}){3}$/.test(fix.value.trim()) ? fix.value.trim() : null;
    case 'AAAA':
      return /^[0-9a-f:.]+$/i.test(fix.value.trim()) && fix.value.includes(':') ? fix.value.trim().toLowerCase() : null;
    default:
      // SOA data here is only `<mname> <rname> <serial>`: not a complete record.
      return null;
  }
}

function owner(name: string, zone: string): string {
  const rel = relativeName(name, zone);
  if (rel === '@') return '@';
  return rel === null ? absolute(name) : presentName(rel);
}

function ttl(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/**
 * The snippet: `$ORIGIN <zone>.`, then one line per fix in order. Adds and changes are records
 * (`msoid 3600 IN CNAME clientconfig.partner.microsoftonline-p.net.cn.`); deletes are comments
 * (`; delete: msoid 3600 IN CNAME …`). TXT values are quoted, escaped and split into 255-byte strings.
 * A value that does not fit its type is written as a comment with the value quoted and escaped.
 * Ends with a newline.
 */
export function zoneSnippet(fixes: readonly Fix[], zone: string): string {
  const z = normalizeName(zone);
  const lines = [`$ORIGIN ${z === '' ? '.' : `${presentName(z)}.`}`];
  for (const fix of fixes) {
    const data = rdata(fix);
    // The type comes from a closed enum; the check keeps an unvalidated object from injecting text.
    const type = /^[A-Z0-9]{1,10}$/.test(fix.type) ? fix.type : 'TYPE0';
    const head = `${owner(fix.name, z)} ${ttl(fix.ttl)} IN ${type}`;
    const record = `${head} ${data ?? quoteTxt(fix.value)}`;
    if (fix.op === 'delete')
      lines.push(data === null ? `; delete (unrecognised value): ${record}` : `; delete: ${record}`);
    else lines.push(data === null ? `; not written (unrecognised value): ${record}` : record);
  }
  return `${lines.join('\n')}\n`;
}
