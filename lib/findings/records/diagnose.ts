/**
 * The pure diagnosis of every Microsoft 365 record of one domain. No I/O: the shell runs the lookups
 * of `recordLookups` (plus `recordFollowUps` and `spfFollowUps`) and hands the results in.
 */

import { familyOf, specOf } from '@/lib/findings/catalogue';
import { usableTenant } from '@/lib/findings/expected';
import { inferServices } from '@/lib/findings/services';
import { summarize } from '@/lib/findings/summary';
import { normalizeName } from '@/lib/lookups/dns-names';
import { aKeyOf, KEYS, recordLookups } from '@/lib/lookups/plan';
import {
  type CloudReport,
  type Fix,
  type Lookup,
  type MsoidFinding,
  notRunLookup,
  RECORD_IDS,
  type RecordFinding,
  type RecordId,
  type RecordsDiagnosis,
  type ServiceOverride,
  type TenantValues,
} from '@/lib/schema';
import { type Ctx, domainNotFoundDraft, finish } from './draft';
import { judgeCnameRecord } from './judge-cname';
import { judgeDkim } from './judge-dkim';
import { msoidRecord } from './judge-msoid';
import { judgeMx } from './judge-mx';
import { judgeSpf } from './judge-spf';
import { judgeSrv } from './judge-srv';
import { judgeDmarc, judgeVerification } from './judge-txt';

export type RecordsInput = {
  /** ASCII domain as checked. */
  domain: string;
  /** Its registrable (organisational) domain; defaults to `domain`. */
  registrable?: string;
  cloud: CloudReport;
  /** Results of `recordLookups` (and `recordFollowUps`), by plan key. A key not run reads as `skipped`. */
  lookups: ReadonlyMap<string, Lookup>;
  /** Results of `spfFollowUps`, by include/redirect domain (normalised). */
  spf: ReadonlyMap<string, Lookup>;
  /** The msoid finding of `lib/findings/msoid`, mapped into the msoid row (not re-judged). */
  msoid: MsoidFinding;
  /** The user's per-service override; unset services are inferred from DNS. */
  services?: ServiceOverride;
  /** True when the zone's NS are Cloudflare's: A/AAAA where a CNAME belongs reads as the proxy. */
  cloudflare: boolean;
  /** Collects every lookup a finding rests on, by id (a not-run one included); default a fresh map. */
  seen?: Map<string, Lookup>;
  /** The tenant's values from Microsoft Graph (issue 18 item 4); used when their state is `found`. */
  tenant?: TenantValues;
};

function dedupeFixes(fixes: readonly Fix[]): Fix[] {
  const seen = new Set<string>();
  return fixes.filter((f) => {
    const key = `${f.op}|${f.name}|${f.type}|${f.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Diagnoses every record of `RECORD_IDS` for one domain, in that order. Services come from the override
 * or are inferred (see `services.ts`); requirements follow from cloud × service (see `catalogue.ts`).
 * When the cloud is unknown, records whose judgement needs it are `not-applicable` (needs input) and the
 * rest (SPF, DMARC, DKIM pairing, CNAME conflicts, SRV ports) are judged. When the domain does not exist
 * (the msoid finding says so), every other row is `not-applicable` and the health is `broken`.
 * A failed lookup is always `lookup-failed`, never `missing`.
 */
export function diagnoseRecords(input: RecordsInput): RecordsDiagnosis {
  const domain = normalizeName(input.domain);
  const registrable = normalizeName(input.registrable ?? input.domain);
  const plan = new Map(recordLookups(domain, registrable).map((p) => [p.key, p]));
  const services = inferServices((key) => input.lookups.get(key), input.services);
  const ctx: Ctx = {
    domain,
    registrable,
    cloud: input.cloud.effective,
    family: familyOf(input.cloud.effective),
    services: { mail: services.mail, teams: services.teams, intune: services.intune },
    cloudflare: input.cloudflare,
    lookup(key) {
      const found = input.lookups.get(key);
      if (found) return found;
      const planned = plan.get(key) ?? plan.get(key.replace(/\.a$/, ''));
      const type = plan.has(key) ? (planned?.type ?? 'A') : 'A';
      return notRunLookup(planned?.name ?? domain, type);
    },
    has: (key) => input.lookups.has(key),
    spf: input.spf,
    seen: input.seen ?? new Map(),
    tenant: usableTenant(input.tenant),
  };

  const domainNotFound = input.msoid.status === 'domain-not-found';
  let records: RecordFinding[];
  if (domainNotFound) {
    records = RECORD_IDS.map((id) => {
      if (id === 'msoid') return msoidRecord(input.msoid, ctx);
      const spec = specOf(ctx.family, id);
      return finish(spec, ctx, domainNotFoundDraft(spec, ctx), [], null);
    });
  } else {
    const [dkim1, dkim2] = judgeDkim(ctx);
    const cname = (id: 'sip' | 'lyncdiscover' | 'enterpriseregistration' | 'enterpriseenrollment') =>
      judgeCnameRecord(id, ctx, { cname: KEYS[id], extras: [aKeyOf(KEYS[id])] });
    const autodiscover = judgeCnameRecord('autodiscover', ctx, {
      cname: KEYS.autodiscover,
      extras: [KEYS.autodiscoverA, KEYS.autodiscoverTxt],
    });
    const byId: Record<RecordId, RecordFinding> = {
      verification: judgeVerification(ctx),
      msoid: msoidRecord(input.msoid, ctx),
      mx: judgeMx(ctx),
      autodiscover,
      'autodiscover-srv': judgeSrv('autodiscover-srv', ctx, autodiscover),
      spf: judgeSpf(ctx),
      'dkim-selector1': dkim1,
      'dkim-selector2': dkim2,
      dmarc: judgeDmarc(ctx),
      sipfederation: judgeSrv('sipfederation', ctx),
      sip: cname('sip'),
      lyncdiscover: cname('lyncdiscover'),
      'sip-tls': judgeSrv('sip-tls', ctx),
      enterpriseregistration: cname('enterpriseregistration'),
      enterpriseenrollment: cname('enterpriseenrollment'),
    };
    records = RECORD_IDS.map((id) => byId[id]);
  }

  return {
    records,
    services,
    summary: summarize(records, domainNotFound),
    fixes: dedupeFixes(records.flatMap((r) => r.fixes)),
  };
}
