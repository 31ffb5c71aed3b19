/**
 * What the diagnosis reads: plain lookup results gathered by the check service (the shell), by plan key
 * (`Gathered`), and the msoid part of them in the shape the msoid and cloud findings read (`Snapshot`).
 * Pure data; building it is I/O, reading it is not.
 */
import { type Lookup, notRunLookup } from '@/lib/schema';

/** Every lookup a check ran, by plan key (lib/lookups/plan.ts), with what the plan was made for. */
export type Gathered = {
  /** ASCII domain as checked. */
  domain: string;
  /** Its registrable domain (the zone whose NS names the DNS host). */
  registrable: string;
  /** The random label of this check's wildcard probe. */
  probe: string;
  lookups: ReadonlyMap<string, Lookup>;
};

export type MsoidLookups = {
  /** CNAME query at msoid.<domain>, chain followed (chain, chainEnd filled). */
  cname: Lookup;
  /** Only when `cname` is NODATA: the name's own data, to tell `not-cname` from `missing`. */
  a?: Lookup;
  aaaa?: Lookup;
  txt?: Lookup;
};

export type WildcardProbe = {
  /** The random sibling label that was queried, e.g. `_m365dh-3k9x.contoso.com`. */
  name: string;
  cname: Lookup;
  a: Lookup;
};

export type Snapshot = {
  /** ASCII domain as checked. */
  domain: string;
  /** SOA at the domain: a failure here means the whole domain could not be checked. */
  apex: Lookup;
  /** Evidence for cloud inference. */
  mx: Lookup;
  /** TXT at the apex (SPF lives here). */
  txt: Lookup;
  /** CNAME at autodiscover.<domain>, chain followed. */
  autodiscover: Lookup;
  msoid: MsoidLookups;
  /** Random sibling of msoid, to tell wildcard-synthesised answers from real records. */
  wildcard?: WildcardProbe;
};

/** The lookup under `key`, or a not-run one (`skipped`) for a key the check didn't ask. */
function take(gathered: Gathered, key: string, name: string, type: Lookup['type']): Lookup {
  return gathered.lookups.get(key) ?? notRunLookup(name, type);
}

/**
 * The msoid findings' view of a check. msoid's own A/AAAA/TXT are part of it only when msoid has no CNAME (NODATA):
 * they tell "not a CNAME" from "missing". Keys are those of lib/lookups/plan.ts.
 */
export function snapshotOf(gathered: Gathered, probeName: string): Snapshot {
  const d = gathered.domain;
  const m = `msoid.${d}`;
  const cname = take(gathered, 'msoid', m, 'CNAME');
  const msoid: MsoidLookups = { cname };
  if (cname.outcome === 'nodata') {
    msoid.a = take(gathered, 'msoid.a', m, 'A');
    msoid.aaaa = take(gathered, 'msoid.aaaa', m, 'AAAA');
    msoid.txt = take(gathered, 'msoid.txt', m, 'TXT');
  }
  return {
    domain: d,
    apex: take(gathered, 'apex', d, 'SOA'),
    mx: take(gathered, 'mx', d, 'MX'),
    txt: take(gathered, 'txt', d, 'TXT'),
    autodiscover: take(gathered, 'autodiscover', `autodiscover.${d}`, 'CNAME'),
    msoid,
    wildcard: {
      name: probeName,
      cname: take(gathered, 'probe.cname', probeName, 'CNAME'),
      a: take(gathered, 'probe.a', probeName, 'A'),
    },
  };
}
