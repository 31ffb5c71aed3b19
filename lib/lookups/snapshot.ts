/**
 * What the diagnosis reads: plain lookup results gathered by the check service (the shell).
 * Pure data; building it is I/O, reading it is not.
 */
import type { Lookup } from '@/lib/schema';

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
