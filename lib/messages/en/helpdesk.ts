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
  symptom: {
    answer: {
      yes: "Yes, {domain}'s DNS explains it.",
      no: "No, {domain}'s DNS is fine for this, so look elsewhere.",
      'cant-tell': "Can't tell yet: we couldn't check {domain} fully.",
    },
    no: {
      'slow-sign-in':
        'The settings that decide where sign-in goes are right, so the delay has another cause, such as the network or the device.',
      'sign-in-fails':
        'The settings that decide where sign-in goes are right, so the failure has another cause, such as the account, the password or the device.',
      activation:
        'Nothing in the domain points Office to the wrong service, so activation fails for another reason, such as the licence or the device.',
      mail: 'Mail for the domain is set to go to Microsoft 365, so the missing mail has another cause, such as the sender, a filter or the mailbox.',
      'outlook-setup':
        "The setting Outlook uses to find the mailbox is right, so the set-up fails for another reason, such as the password or the app's version.",
    },
    reason: {
      unchecked: 'Some of the lookups that matter for this failed. Check again in a few minutes.',
      cloud:
        'It depends on which Microsoft 365 service the organisation uses (the one in China or the global one); the administrator needs to say which.',
      'msoid-missing':
        'A setting that Office apps use to find the sign-in service in China is missing, so they try a server abroad first. Sign-in works, but slowly.',
      'msoid-wrong':
        'A setting that Office apps use to find the sign-in service points to the wrong place, so they cannot sign in.',
      'msoid-21vianet':
        'The domain has a setting that belongs to the Microsoft 365 service in China. Office follows it, cannot confirm the licence, and does not activate.',
      'msoid-legacy':
        'The domain still has an old sign-in setting that Microsoft no longer uses, which can stop Office from activating.',
      'mx-null': 'The domain says it accepts no email at all, so senders give up.',
      'mx-missing': "The domain has no mail setting, so senders don't know where to deliver its mail.",
      'mx-elsewhere': 'Mail for the domain is sent to another mail service, not to these Microsoft 365 mailboxes.',
      'mx-shared':
        'Some or all mail for the domain goes to another mail server first, so it does not reach Microsoft 365.',
      'mail-elsewhere':
        "The domain's mail is not set up to go to Microsoft 365, so Outlook cannot find the mailbox there by itself.",
      autodiscover:
        "The setting Outlook uses to find the mailbox by itself is missing or points elsewhere, so the account can't be set up automatically.",
      'not-found':
        "The domain doesn't exist on the internet (it may be misspelled or have expired), so nothing that uses it can work.",
    },
    act: {
      'add-msoid': 'The fix is to add the msoid record Microsoft asks for.',
      'fix-msoid': 'The fix is to point the msoid record where Microsoft says.',
      'remove-msoid': 'The fix is to delete the msoid record.',
      'add-mx': 'The fix is to add the MX record Microsoft 365 gives for the domain.',
      'fix-mx': "The fix is to change the domain's MX records to the one Microsoft 365 gives.",
      'fix-autodiscover': 'The fix is to set the autodiscover record as Microsoft says.',
    },
    who: {
      host: 'Whoever manages the DNS of {zone} at {host} needs to make this change; the check of the domain shows exactly what to change.',
      generic:
        'Whoever manages the DNS of {zone} needs to make this change; the check of the domain shows exactly what to change.',
    },
  },
  next: {
    host: 'Whoever manages the DNS of {zone} at {host} can fix this; the exact records to change are listed below.',
    generic: 'Whoever manages the DNS of {zone} can fix this; the exact records to change are listed below.',
    details: 'Whoever manages the DNS of {zone} can fix this; the details of each record are listed below.',
  },
} as const;
