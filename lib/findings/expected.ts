/**
 * The tenant's exact expected values (issue 18 item 4): Microsoft Graph's `serviceConfigurationRecords` and
 * `verificationDnsRecords` of a domain become one exact value per record id, and a record's catalogue spec takes
 * the tenant's value in place of Microsoft's documented pattern. The shell (lib/server/graph) fetches and validates;
 * this module only reads plain data. DKIM is not in Graph: it stays the documented pattern. Pure.
 */

import type { RecordSpec } from '@/lib/findings/catalogue';
import { hasSuffix, normalizeName } from '@/lib/lookups/dns-names';
import type { MessageRef, RecordId, TenantValues } from '@/lib/schema';

/**
 * One `domainDnsRecord` as Graph lists it (its subtypes `domainDnsMxRecord`, `domainDnsCnameRecord`,
 * `domainDnsTxtRecord`, `domainDnsSrvRecord`; https://learn.microsoft.com/graph/api/resources/domaindnsrecord).
 */
export type GraphDnsRecord = {
  /** `Mx`, `CName`, `Txt`, `Srv` (any case). */
  recordType: string;
  /** The record's owner name (`contoso.com`, `autodiscover.contoso.com`). */
  label: string;
  supportedService?: string | null;
  isOptional?: boolean | null;
  mailExchange?: string | null;
  preference?: number | null;
  canonicalName?: string | null;
  text?: string | null;
  nameTarget?: string | null;
  port?: number | null;
  priority?: number | null;
  weight?: number | null;
  /** SRV: `_sip`, `_sipfederationtls`. */
  service?: string | null;
  /** SRV: `_tls`, `_tcp`. */
  protocol?: string | null;
};

/** The host label (relative to the domain) of each record id the tenant can give a value for. */
const BY_HOST: Readonly<Record<string, RecordId>> = {
  autodiscover: 'autodiscover',
  sip: 'sip',
  lyncdiscover: 'lyncdiscover',
  enterpriseregistration: 'enterpriseregistration',
  enterpriseenrollment: 'enterpriseenrollment',
  '_sip._tls': 'sip-tls',
  '_sipfederationtls._tcp': 'sipfederation',
};

const underscored = (label: string) => (label.startsWith('_') ? label : `_${label}`);

/** The record's host label relative to `domain` (`@` for the apex), or null when it is not under the domain. */
function hostOf(record: GraphDnsRecord, domain: string): string | null {
  const name = normalizeName(record.label);
  if (record.recordType.toLowerCase() === 'srv' && record.service && record.protocol && !name.startsWith('_')) {
    if (name !== domain) return null;
    return `${underscored(record.service.toLowerCase())}.${underscored(record.protocol.toLowerCase())}`;
  }
  if (name === domain) return '@';
  return name.endsWith(`.${domain}`) ? name.slice(0, -domain.length - 1) : null;
}

/**
 * The tenant's exact value per record id (see `TenantValues.expected`) from Graph's lists. Records Graph lists
 * that the report has no row for (and values without their field) are left out; the first of a kind wins.
 */
export function tenantExpected(
  domain: string,
  serviceRecords: readonly GraphDnsRecord[],
  verificationRecords: readonly GraphDnsRecord[],
): TenantValues['expected'] {
  const d = normalizeName(domain);
  const out: TenantValues['expected'] = {};
  const put = (id: RecordId, value: string | null | undefined) => {
    if (value && value.trim() !== '' && out[id] === undefined) out[id] = value.trim();
  };
  for (const r of serviceRecords) {
    const host = hostOf(r, d);
    if (host === null) continue;
    const type = r.recordType.toLowerCase();
    if (type === 'mx' && host === '@' && r.mailExchange) put('mx', normalizeName(r.mailExchange));
    else if (type === 'txt' && host === '@' && /^v=spf1(\s|$)/i.test(r.text?.trim() ?? '')) put('spf', r.text);
    else if (type === 'cname' && BY_HOST[host] && r.canonicalName) put(BY_HOST[host], normalizeName(r.canonicalName));
    else if (type === 'srv' && BY_HOST[host] && r.nameTarget && r.port != null) {
      put(BY_HOST[host], `${r.priority ?? 0} ${r.weight ?? 0} ${r.port} ${normalizeName(r.nameTarget)}`);
    }
  }
  for (const r of verificationRecords) {
    if (r.recordType.toLowerCase() === 'txt' && hostOf(r, d) === '@' && /^MS=ms/i.test(r.text?.trim() ?? '')) {
      put('verification', r.text);
    }
  }
  return out;
}

/** The tenant's values when Graph answered for the domain; null otherwise (not in the tenant, no permission…). */
export function usableTenant(tenant: TenantValues | undefined): TenantValues | null {
  return tenant?.state === 'found' ? tenant : null;
}

/**
 * True when the published MX host is the tenant's: the same name, or the newer `*.mx.microsoft` form where Graph
 * still lists the `*.mail.protection.outlook.com` form (both are Microsoft's current MX for the tenant;
 * docs/m365-dns-facts.md §mx) — not a mismatch.
 */
export function isTenantMx(published: string, tenantMx: string): boolean {
  const p = normalizeName(published);
  const t = normalizeName(tenantMx);
  if (p === t) return true;
  return hasSuffix(p, 'mx.microsoft') && hasSuffix(t, 'mail.protection.outlook.com');
}

/** True when the published `MS=` text is the tenant's (the value is compared without regard to case). */
export function isTenantVerification(published: string, tenantText: string): boolean {
  return published.trim().toLowerCase() === tenantText.trim().toLowerCase();
}

/**
 * The record's spec with the tenant's exact value in place of the documented one (CNAME target, SRV data, SPF
 * include), when the tenant gave one; else the spec unchanged. MX and `MS=` are compared by their own judges.
 */
export function withTenantValue(spec: RecordSpec, tenant: TenantValues | null): RecordSpec {
  const value = tenant?.expected[spec.id];
  if (value === undefined) return spec;
  const e = spec.expected;
  if (e.kind === 'cname') return { ...spec, expected: { ...e, target: value } };
  if (e.kind === 'srv') {
    const [priority, weight, port, target] = value.split(' ');
    const n = (s: string | undefined) => Number.parseInt(s ?? '', 10);
    if (target === undefined || [priority, weight, port].some((s) => Number.isNaN(n(s)))) return spec;
    return { ...spec, expected: { ...e, priority: n(priority), weight: n(weight), port: n(port), target } };
  }
  if (e.kind === 'spf') {
    const include = /(?:^|\s)include:(\S+)/i.exec(value)?.[1];
    return include ? { ...spec, expected: { ...e, include: normalizeName(include) } } : spec;
  }
  return spec;
}

/** The domain note saying what the tenant's values were: used, not in the tenant, no permission, could not check. */
export function tenantNote(tenant: TenantValues, domain: string): MessageRef {
  return {
    code: `graph.state.${tenant.state}`,
    params: { domain, detail: tenant.detail ?? '', permission: GRAPH_PERMISSION },
  };
}

/** The delegated Microsoft Graph permission the tenant's values need (with admin consent). */
export const GRAPH_PERMISSION = 'Domain.Read.All';
