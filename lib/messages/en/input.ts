/**
 * English text for the domain input: why an entry was rejected, and notes about accepted entries.
 * Codes: `input.reject.<ListRejectCode>`, `input.note.<name>`, `input.limit.<name>`.
 */
import type { ListRejectCode } from '@/lib/input/parse-list';
import type { Catalogue } from '../format';

const reject = {
  empty:
    '“{input}” has no domain name left once spaces, invisible characters and web-address parts are removed. ' +
    'Enter a domain such as contoso.com, or delete this entry.',
  'too-long-input':
    'This entry is {length} characters long; the limit is {max}. Put one domain name in each entry, such as contoso.com.',
  'ip-literal': '{input} is an IP address, not a domain name. Enter the domain, such as contoso.com.',
  'single-label':
    '{domain} has no dot, so it is not a full domain name. Enter the full public domain, such as contoso.com.',
  'name-too-long':
    '{domain} is {length} characters long; a domain name can have at most {max}. Check that the entry holds one domain name.',
  'label-too-long':
    'The part “{label}” is {length} characters long; each part between dots can have at most {max}. ' +
    'Check the entry for typing mistakes.',
  'bad-characters':
    '{input} contains “{char}”, which a domain name cannot contain. ' +
    'Use only letters, digits, hyphens and dots, such as contoso.com.',
  'bad-hyphen':
    'The part “{label}” in {domain} has a hyphen in a place where none is allowed: a part cannot start or end ' +
    'with a hyphen, or have two hyphens in the third and fourth places (only xn-- may). Check the entry for typing mistakes.',
  'empty-label':
    '{input} has an empty part between dots (two dots in a row, or a dot at the start). ' +
    'Remove the extra dot, such as contoso.com.',
  'special-use':
    '{domain} is a reserved name (such as .local, .onion, .invalid, .alt, .arpa or example.com) that cannot have ' +
    'public DNS records for Microsoft 365. Enter your organisation’s public domain, such as contoso.com.',
  'test-domain-not-allowed':
    '{domain} ends in .test, a name reserved for testing that has no public DNS records, and this server does not ' +
    'check .test names. Enter a public domain, such as contoso.com.',
  'not-public-suffix':
    '{domain} ends in .{suffix}, which is not a public top-level domain, so it has no public DNS records. ' +
    'Internal names (such as .lan, .corp or .internal) cannot be checked; enter the public domain, such as contoso.com.',
  'suffix-only':
    '{domain} is a public suffix that anyone can register names under, not a domain of its own. ' +
    'Enter the full domain, such as contoso.{domain}.',
  unparseable:
    '{input} could not be read as a domain name. Check it for typing mistakes and enter a domain such as contoso.com.',
  'not-a-domain':
    '“{input}” is not a domain name: spaces, commas or semicolons cut it into {count} parts, and none of them is a ' +
    'domain. Enter one domain name per entry, such as contoso.com.',
} satisfies Record<ListRejectCode, string>;

export const inputMessages = {
  reject,
  note: {
    subdomain:
      '{domain} is a subdomain; Microsoft 365 records normally live at {registrable}. It is checked as entered.',
    duplicate: '{input} on line {line} is the same domain as line {firstLine} ({domain}), so it is checked once.',
    normalized: '{input} was read as {domain}.',
    address: 'Checked {domain}, from {entered}: a web or e-mail address stands for the domain it names.',
  },
  limit: {
    'too-many-domains':
      '{count} different domains were entered; at most {limit} can be checked at once. ' +
      'Remove some, or check the list in parts.',
    'no-domains': 'Enter at least one domain name, such as contoso.com.',
    'too-many-names-per-domain':
      '{domain} would be name number {count} under {registrable} checked from here in the last {minutes} min; at ' +
      'most {limit} names under one domain are checked in that time, so this one was skipped. Names already ' +
      'checked can be checked again at once; try new ones later.',
  },
} satisfies Catalogue;
