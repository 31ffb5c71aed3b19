/**
 * Formats a canonical `Fix` the way one DNS host's record form wants it: its field order and names,
 * the host field relative to the zone, trailing-dot rules, SRV and MX layouts, and the host's pitfalls
 * as notes (docs/m365-dns-facts.md §host-formats). Pure, synchronous, browser-safe. DNS literals travel as note params.
 */

import { bareTarget, dottedTarget, parseMx, parseSrv, quoteTxt, relativeName } from '@/lib/fixes/dns-text';
import { normalizeName } from '@/lib/lookups/dns-names';
import type { Fix, MessageRef, RecordType } from '@/lib/schema';
import type { FieldKey, FieldLabel, HostEntry, HostFormat } from './types';

export type FormattedField = {
  key: FieldKey;
  /** Message code of the host's own name for the field (`hosts.field.*`). */
  labelCode: string;
  /** What to type into the field (a DNS literal; render as text). */
  value: string;
};

export type HostFormattedFix = {
  canonical: Fix;
  /** In the host's own field order, with its field names. */
  fields: FormattedField[];
  /** The value field as this host wants it pasted (the same text as the `value` field). */
  copyValue: string;
  notes: MessageRef[];
};

/** The message code of a field label for a record type. */
export function labelFor(label: FieldLabel, type: RecordType): string {
  return typeof label === 'string' ? label : (label[type] ?? label.default);
}

const ref = (code: string, params: Record<string, string> = {}): MessageRef => ({ code, params });

/**
 * A note's `field` param is not text but the message code of the host's own name for a form field (`hosts.field.*`):
 * the note names the field as the host's console does (DNSPod's 主机记录, Route 53's Record name), in the reader's
 * language. `renderHostNote` (../host-fixes.ts) turns it into text before the note is filled.
 */
export const FIELD_PARAM = 'field';

/** The message code of the host's name for `key` for a record of `type` (the generic name when it has none). */
function fieldCode(format: HostFormat, key: 'host' | 'value', type: RecordType): string {
  return labelFor(format.fieldNames[key], type);
}

function target(name: string, format: HostFormat, combined = false): string {
  const rule = format.cnameTrailingDot;
  if (rule === 'required' || (rule === 'either' && combined)) return dottedTarget(name);
  return bareTarget(name);
}

type Owner = { rel: string | null; fqdn: string; zone: string };

/** What goes in the host field for a name relative to the zone (`@`, `''`, the label, or the full name). */
function hostFieldValue(rel: string, owner: Owner, format: HostFormat): string {
  if (owner.rel === null) return owner.fqdn;
  if (format.hostField === 'fqdn') return rel === '@' ? owner.zone : `${rel}.${owner.zone}`;
  if (rel === '@') return format.apexHost === 'empty' ? '' : '@';
  return rel;
}

/** Splits `_service._proto[.rest]` into its parts; null when the owner is not SRV-shaped. */
function splitSrvOwner(rel: string): { service: string; protocol: string; rest: string } | null {
  const [service, protocol, ...rest] = rel.split('.');
  if (!service?.startsWith('_') || !protocol?.startsWith('_')) return null;
  return { service, protocol, rest: rest.length ? rest.join('.') : '@' };
}

type Built = { values: Partial<Record<FieldKey, string>>; notes: MessageRef[]; targetValue: boolean };

function buildSrv(fix: Fix, owner: Owner, host: HostEntry): Built {
  const f = host.format;
  const rel = owner.rel ?? owner.fqdn;
  const nameOnlyHost = hostFieldValue(rel, owner, f);
  const values: Partial<Record<FieldKey, string>> = { host: nameOnlyHost };
  const notes: MessageRef[] = [];
  const srv = parseSrv(fix.value);
  if (!srv) return { values: { ...values, value: fix.value }, notes, targetValue: false };

  const combined = `${srv.priority} ${srv.weight} ${srv.port} ${target(srv.target, f, true)}`;
  const split = owner.rel === null ? null : splitSrvOwner(owner.rel);
  const layout = f.srvFields === 'separate' && !(split && f.fieldNames.service) ? 'name-only' : f.srvFields;

  if (layout === 'target-combined') {
    values.value = combined;
  } else {
    Object.assign(values, { priority: srv.priority, weight: srv.weight, port: srv.port });
    values.value = target(srv.target, f);
  }
  if (layout === 'separate' && split) {
    Object.assign(values, { service: split.service, protocol: split.protocol });
    values.host = hostFieldValue(split.rest, owner, f);
  }

  const hostField = fieldCode(f, 'host', 'SRV');
  const valueField = fieldCode(f, 'value', 'SRV');
  if (f.layoutKnown) {
    if (layout !== 'separate') notes.push(ref('hosts.note.srv-name-only', { host: nameOnlyHost, field: hostField }));
    if (layout === 'target-combined')
      notes.push(ref('hosts.note.srv-target-combined', { value: combined, field: valueField }));
  } else {
    if (layout === 'separate')
      notes.push(ref('hosts.note.srv-if-no-service-fields', { host: nameOnlyHost, field: hostField }));
    notes.push(ref('hosts.note.srv-if-no-number-fields', { value: combined, field: valueField }));
  }
  return { values, notes, targetValue: true };
}

function build(fix: Fix, owner: Owner, host: HostEntry): Built {
  const f = host.format;
  const hostValue = hostFieldValue(owner.rel ?? owner.fqdn, owner, f);
  const base = { host: hostValue };
  switch (fix.type) {
    case 'CNAME':
    case 'NS':
      return { values: { ...base, value: target(fix.value, f) }, notes: [], targetValue: true };
    case 'MX': {
      const mx = parseMx(fix.value);
      if (!mx) return { values: { ...base, value: fix.value }, notes: [], targetValue: false };
      if (f.fieldNames.priority) {
        return {
          values: { ...base, priority: mx.preference, value: target(mx.exchange, f) },
          notes: [],
          targetValue: true,
        };
      }
      const value = `${mx.preference} ${target(mx.exchange, f)}`;
      return { values: { ...base, value }, notes: [ref('hosts.note.mx-combined', { value })], targetValue: true };
    }
    case 'SRV':
      return buildSrv(fix, owner, host);
    case 'TXT':
      return f.txtQuoted
        ? { values: { ...base, value: quoteTxt(fix.value) }, notes: [ref('hosts.note.txt-quoted')], targetValue: false }
        : { values: { ...base, value: fix.value }, notes: [], targetValue: false };
    default:
      return { values: { ...base, value: fix.value }, notes: [], targetValue: false };
  }
}

/**
 * Formats `fix` (which lives in the registrable `zone`) for `host`. The host field is `@` for the apex
 * (or empty where the host wants that), else the labels relative to the zone (`msoid.sub`); a name outside
 * the zone is given in full with a note. Target names follow the host's trailing-dot rule. Notes carry
 * the host's pitfalls for added and changed records; a delete only gets the managed-DNS and outside-zone notes.
 */
export function formatFixForHost(fix: Fix, zone: string, host: HostEntry): HostFormattedFix {
  const f = host.format;
  const owner: Owner = { rel: relativeName(fix.name, zone), fqdn: normalizeName(fix.name), zone: normalizeName(zone) };
  const built = build(fix, owner, host);
  const values: Partial<Record<FieldKey, string>> = { type: fix.type, ttl: String(fix.ttl), ...built.values };

  const fields: FormattedField[] = [];
  for (const key of f.order) {
    const value = values[key];
    const label = f.fieldNames[key as keyof typeof f.fieldNames];
    if (value !== undefined && label !== undefined) fields.push({ key, labelCode: labelFor(label, fix.type), value });
  }
  const copyValue = values.value ?? fix.value;

  const notes: MessageRef[] = [];
  if (host.managedByMicrosoft) {
    notes.push(ref(host.region === 'china' ? 'hosts.managed-by-21vianet' : 'hosts.managed-by-microsoft'));
  }
  if (owner.rel === null) notes.push(ref('hosts.note.outside-zone', { name: owner.fqdn, zone: owner.zone }));
  if (fix.op === 'delete') return { canonical: fix, fields, copyValue, notes };

  const hostValue = values.host ?? '';
  const field = fieldCode(f, 'host', fix.type);
  if (owner.rel !== null) {
    if (f.hostField === 'fqdn') notes.push(ref('hosts.note.host-fqdn', { host: hostValue, field }));
    else if (hostValue === '') notes.push(ref('hosts.note.apex-empty', { zone: owner.zone, field }));
    else if (f.hostField === 'label' && hostValue !== '@') {
      const full = `${hostValue}.${owner.zone}`;
      notes.push(
        ref('hosts.note.host-label-only', { host: hostValue, name: full, doubled: `${full}.${owner.zone}`, field }),
      );
    }
  }
  notes.push(...built.notes);
  if (built.targetValue && f.cnameTrailingDot !== 'either') {
    const code =
      f.cnameTrailingDot === 'required' ? 'hosts.note.trailing-dot-required' : 'hosts.note.trailing-dot-forbidden';
    notes.push(ref(code, { value: copyValue }));
  }
  if (f.proxyWarning && (fix.type === 'CNAME' || fix.type === 'A' || fix.type === 'AAAA')) {
    notes.push(ref('hosts.note.proxy-dns-only', { host: hostValue }));
  }
  for (const code of f.extraNotes ?? []) notes.push(ref(code));
  return { canonical: fix, fields, copyValue, notes };
}
