/** The helpdesk paragraph: sentences an agent can read to a caller. Plain words, no DNS jargon where avoidable. */
export const helpdeskMessages = {
  intro: {
    healthy:
      'The Microsoft 365 DNS records of {domain} look right, so DNS is not the reason for sign-in, activation or mail problems on this domain.',
    problems: 'We found DNS settings on {domain} that affect Microsoft 365 users ({count} to fix).',
    unchecked:
      "We couldn't finish checking {domain} because some DNS lookups failed. That says nothing yet about whether its records are right; check again in a few minutes.",
    'not-found':
      "The domain {domain} doesn't exist in DNS, so nothing in Microsoft 365 can work with addresses on it. Check the spelling, or whether the domain has expired.",
  },
  partial: 'Some records ({count}) could not be checked; check again before ruling them out.',
  'cloud-unknown':
    'Which records are right depends on the Microsoft 365 cloud the tenant uses; ask the administrator to choose it.',
  next: {
    host: 'Whoever manages the DNS of {zone} at {host} can fix this; the exact records to change are listed below.',
    generic: 'Whoever manages the DNS of {zone} can fix this; the exact records to change are listed below.',
    details: 'Whoever manages the DNS of {zone} can fix this; the details of each record are listed below.',
  },
} as const;
