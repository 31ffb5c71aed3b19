/** The "DNS servers" card: the domain's own DNS servers, what the verdict rests on, and the zone health checks. */
export const authorityMessages = {
  heading: 'DNS servers',
  basis: {
    authoritative: "Judged on what the domain's own DNS servers publish (zone {zone}).",
    resolver: 'Judged on what {resolver} hands out.',
  },
  fallback: {
    disabled:
      "The domain's own DNS servers aren't asked on this server (AUTHORITATIVE=0); results are from {resolver}.",
    'root-unreachable':
      "The domain's own DNS servers can't be reached from this server (outbound DNS may be blocked); results are from {resolver}.",
    'servers-unreachable':
      "None of the domain's own DNS servers gave an answer; results are from {resolver}. A recent change may not show yet.",
    'no-zone': "The domain's own DNS servers couldn't be found from the root down; results are from {resolver}.",
    'over-budget': "Asking the domain's own DNS servers took too many queries; results are from {resolver}.",
  },
  column: {
    server: 'Server',
    address: 'Address',
    listed: 'Listed by',
    answers: 'Answers for the zone',
    serial: 'SOA serial',
  },
  listed: {
    both: 'parent and zone',
    parent: 'parent only',
    apex: 'zone only',
    none: 'neither',
  },
  answers: {
    yes: 'Yes',
    no: 'No (not authoritative)',
    unknown: 'Unknown',
  },
  problem: {
    timeout: "Didn't answer in time",
    'network-error': "Can't be reached (network error)",
    'error-rcode': 'Refuses the zone (lame)',
    'not-authoritative': 'Answers, but not for this zone (lame)',
    'bad-response': 'Unreadable reply',
    'no-address': 'No address found',
    'not-asked': 'Not asked (limit reached)',
  },
  delegation: {
    match: 'The parent zone and the zone itself list the same servers.',
    mismatch: 'The parent zone lists {parent}; the zone itself lists {apex}.',
    unknown: "Whether the parent and the zone list the same servers couldn't be checked.",
  },
  health: {
    heading: 'Zone health (never decides the Microsoft 365 verdict)',
    'ns-mismatch':
      'The parent zone and the zone list different DNS servers ({servers}). Resolvers may use either list: update the one that is out of date at the registrar or DNS host.',
    'lame-server':
      "{servers} is listed as a DNS server for the domain but doesn't answer for it. Resolvers that pick it get errors or slow answers: remove it from the NS records, or set up the zone there.",
    'serials-differ':
      "The servers hold different versions of the zone ({servers} has an older one). Normal for a few minutes after a change; if it stays, the servers aren't copying the zone.",
    'server-unreachable':
      "{servers} didn't answer from this server. If it stays down, users whose resolver picks it wait longer.",
  },
  severity: {
    critical: 'Critical',
    warning: 'Warning',
    notice: 'Notice',
    ok: 'OK',
    unchecked: 'Not checked',
  },
  none: 'No problems found with the DNS servers.',
};
