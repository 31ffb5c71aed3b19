/** Zone data as plain records, rendered to zone files for nsd and served directly by the fake server. */
export type ZoneRecordType = 'A' | 'AAAA' | 'CNAME' | 'MX' | 'TXT' | 'SRV' | 'NS' | 'SOA';

export type ZoneRecord = {
  /** Owner name, fully qualified, no trailing dot, lower-case (`msoid.contoso-ok.test`; `*.wild.test` for wildcards). */
  name: string;
  type: ZoneRecordType;
  /** Default 3600. */
  ttl?: number;
  /**
   * Presentation data without trailing dots on names. CNAME/NS: target. MX: `10 host`.
   * SRV: `100 1 5061 target`. A/AAAA: address. SOA: `mname rname serial refresh retry expire minimum`.
   * TXT: one string, or an array of character-strings (each ≤ 255 bytes) for one record.
   */
  data: string | string[];
};

export type Zone = {
  /** Zone apex, e.g. `contoso-ok.test`. */
  apex: string;
  /** Records; SOA and NS at the apex are added by the renderer when absent. */
  records: ZoneRecord[];
};
