/**
 * Section ids of docs/m365-dns-facts.md. Every catalogue entry (records, DNS hosts) names the section that gives
 * its value and Microsoft source; a test checks that each id is a heading of the document and each heading is here.
 * Browser-safe.
 */
export const FACT_IDS = [
  'sources',
  'msoid',
  'msoid-21vianet',
  'msoid-outside-21vianet',
  'msoid-gov',
  'msoid-legacy-worldwide',
  'cloud-inference',
  'record-values',
  'ttl',
  'verification',
  'mx',
  'mx-legacy',
  'autodiscover',
  'autodiscover-requirement',
  'autodiscover-srv',
  'spf',
  'dkim',
  'dmarc',
  'teams-federation',
  'skype-for-business',
  'intune-registration',
  'intune-enrollment',
  'hosts',
  'host-detection',
  'host-formats',
  'host-links',
  'host-links-china',
  'host-links-gov',
  'host-links-21vianet',
  'microsoft-managed-dns',
  'our-rules',
] as const;
export type FactId = (typeof FACT_IDS)[number];
