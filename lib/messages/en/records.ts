/**
 * English text for the record findings (every Microsoft 365 record, `lib/findings/records`). Codes are dot
 * paths under `records.` (see `lib/messages/format.ts`). DNS literals (names, values, `~all`, `MS=`)
 * arrive as params; none are written here. "Could not check" wording never says that anything is missing.
 */
import type { Catalogue } from '@/lib/messages/format';

type CnameCases = { missing?: true; optional?: true; undocumented?: true; deprecated?: true };

/**
 * Verdicts the single-target CNAME records share; `label` names the record in plain words. `cases` adds
 * the verdicts only some records can reach (required, optional, undocumented in a cloud, old targets).
 */
function cnameVerdicts(label: string, cases: CnameCases): Catalogue {
  return {
    ok: {
      direct: `The ${label} record {name} points to {expected}, as it should.`,
      'via-chain': `The ${label} record {name} reaches {expected} through a chain of {hops} CNAME records.`,
      ...(cases.undocumented
        ? {
            undocumented: `The ${label} record {name} points to {found}. Microsoft doesn't document a value for this record in this cloud, so we can't judge it.`,
          }
        : {}),
    },
    ...(cases.missing ? { missing: { absent: `There is no ${label} record at {name}.` } } : {}),
    ...(cases.optional
      ? { 'optional-absent': { absent: `There is no ${label} record at {name}. It is optional.` } }
      : {}),
    'wrong-value': {
      'not-cname': `The ${label} record {name} has its own records ({found}) instead of a CNAME to {expected}.`,
      'other-target': `The ${label} record {name} points to {found} instead of {expected}.`,
      typo: `The ${label} record {name} points to {found}, which looks like a typo of {expected}.`,
      'other-cloud': `The ${label} record {name} points to {found}, which is the value for a different Microsoft 365 cloud. This cloud uses {expected}.`,
      'dead-end': `The ${label} record {name} points to {found}, which leads to a name that doesn't exist.`,
      'broken-chain': `The ${label} record {name} points to {found}, but the CNAME records after it go round in a loop or are too long to follow.`,
    },
    ...(cases.deprecated
      ? {
          deprecated: {
            'old-target': `The ${label} record {name} points to the older value {deprecated}. It works, but users have to confirm an extra prompt; Microsoft recommends {expected}.`,
          },
        }
      : {}),
  };
}

/** Verdicts the Teams and Skype for Business SRV records share; Teams can be missing, legacy SIP only absent. */
function srvVerdicts(label: string, absence: 'missing' | 'optional-absent'): Catalogue {
  return {
    ok: { exact: `The ${label} SRV record {name} is {found}, as it should be.` },
    [absence]: {
      absent:
        absence === 'missing'
          ? `There is no ${label} SRV record at {name}.`
          : `There is no ${label} SRV record at {name}. It is optional.`,
    },
    'too-many': {
      extra: `{name} has the right ${label} SRV record ({expected}), but also others: {extra}.`,
    },
    'wrong-value': {
      target: `The ${label} SRV record {name} is {found}: it points to the wrong server. Microsoft's value is {expected}.`,
      port: `The ${label} SRV record {name} is {found}: the port is wrong. Microsoft's value is {expected}.`,
      'priority-weight': `The ${label} SRV record {name} is {found}: its priority or weight differs from Microsoft's value {expected}.`,
      several: `The ${label} SRV record {name} is {found}: several of its fields are wrong. Microsoft's value is {expected}.`,
      'other-cloud': `The ${label} SRV record {name} is {found}: it points to the server of a different Microsoft 365 cloud. This cloud uses {expected}.`,
    },
  };
}

const lookupFailedVerdicts = {
  servfail: 'Could not check {record}: the DNS server reported a failure (SERVFAIL) for the {type} lookup of {name}.',
  refused: 'Could not check {record}: the DNS server refused the {type} lookup of {name}.',
  timeout: "Could not check {record}: the DNS server didn't answer the {type} lookup of {name} in time.",
  'bad-response': "Could not check {record}: the reply to the {type} lookup of {name} couldn't be read.",
  'network-error': 'Could not check {record}: a network error stopped the {type} lookup of {name}.',
  cancelled: 'Could not check {record}: the {type} lookup of {name} was cancelled.',
  deadline: 'Could not check {record}: time ran out before the {type} lookup of {name} finished.',
  skipped: "Could not check {record}: the {type} lookup of {name} wasn't run.",
};

const spfIssues = {
  'lookup-limit': 'Checking the SPF record of {name} needs {count} DNS lookups; the limit is {limit}.',
  'broken-include': {
    'no-record': 'The SPF record of {name} includes {include}, which has no SPF record.',
    'several-records': 'The SPF record of {name} includes {include}, which has more than one SPF record.',
    loop: 'The SPF record of {name} includes {include}, which leads back to itself in a loop.',
  },
  'no-include': "The SPF record of {name} doesn't include Microsoft 365 ({include}).",
  'pass-all': 'The SPF record of {name} ends with {all}, which lets any server in the world send mail as the domain.',
  'neutral-all':
    'The SPF record of {name} ends with {all} (neutral), which tells receivers nothing about other senders.',
  'no-all': "The SPF record of {name} doesn't end with an “all” term, so it says nothing about other senders.",
};

export const recordsMessages = {
  status: {
    ok: 'OK',
    'optional-absent': 'Not set (optional)',
    missing: 'Missing',
    'wrong-value': 'Wrong value',
    'must-remove': 'Remove',
    conflict: 'Conflict',
    proxied: 'Proxied',
    deprecated: 'Outdated value',
    'too-many': 'Too many',
    'lookup-failed': 'Could not check',
    'not-applicable': 'Not checked',
    inconsistent: 'Servers disagree',
  },
  health: {
    healthy: 'Healthy',
    'needs-attention': 'Needs attention',
    broken: 'Broken',
    'could-not-check': 'Could not check everything',
  },
  label: {
    verification: 'Domain verification (TXT)',
    msoid: 'msoid (CNAME)',
    mx: 'Mail delivery (MX)',
    autodiscover: 'Autodiscover (CNAME)',
    'autodiscover-srv': 'Autodiscover SRV',
    spf: 'SPF (TXT)',
    'dkim-selector1': 'DKIM selector 1 (CNAME)',
    'dkim-selector2': 'DKIM selector 2 (CNAME)',
    dmarc: 'DMARC (TXT)',
    sipfederation: 'Teams federation (SRV)',
    sip: 'Skype for Business sip (CNAME)',
    lyncdiscover: 'Skype for Business lyncdiscover (CNAME)',
    'sip-tls': 'Skype for Business SIP (SRV)',
    enterpriseregistration: 'Device registration (CNAME)',
    enterpriseenrollment: 'Intune enrollment (CNAME)',
  },
  service: {
    core: 'Domain',
    mail: 'Email',
    teams: 'Teams',
    intune: 'Intune',
    'legacy-sfb': 'Skype for Business (legacy)',
    dkim: 'DKIM',
    dmarc: 'DMARC',
  },

  common: {
    verdict: {
      'lookup-failed': lookupFailedVerdicts,
      'cloud-unknown': {
        present: "{name} has a {type} record ({found}); whether it's right depends on the tenant's cloud.",
        absent: "There is no {type} record at {name}; whether it's needed depends on the tenant's cloud.",
      },
      'service-off': {
        mail: "{name} isn't checked: the domain doesn't seem to use Microsoft 365 for email.",
        teams: "{name} isn't checked: the domain doesn't seem to use Teams.",
        intune: "{name} isn't checked: the domain doesn't seem to use Intune.",
      },
      conflict: '{name} is a CNAME to {target}, but the same name also has other records: {found}.',
      proxied:
        "{name} answers with Cloudflare's own addresses ({found}) instead of a CNAME: Cloudflare's proxy is switched on for it.",
      'domain-not-found': "{name} isn't checked: DNS says the domain {domain} doesn't exist.",
      inconsistent: "The domain's own DNS servers publish different {type} records at {name}.",
    },
    impact: {
      'lookup-failed':
        "This says nothing about the record itself: the check didn't finish, so we don't know yet whether it is right.",
      'cloud-unknown':
        "We can't tell which Microsoft 365 cloud the tenant uses, and each cloud expects a different value.",
      'service-off': {
        mail: "Email records matter only if the domain's mail is handled by Microsoft 365.",
        teams: 'Teams records matter only if people on this domain use Teams.',
        intune: 'Intune records matter only if devices are enrolled with Intune.',
      },
      conflict:
        "A CNAME can't share its name with other records. DNS servers handle this differently, so some computers get the CNAME and others don't, and the service fails now and then.",
      proxied:
        "Apps that look up this name reach Cloudflare instead of Microsoft's service, so the service behind the record doesn't work.",
      'domain-not-found': "Nothing can work for a domain that doesn't exist: no email, Teams or sign-in with it.",
      'srv-extra':
        'Apps may pick any of these SRV records, so some connections go to the wrong place. Keep only the right one.',
      inconsistent:
        "Each computer's DNS asks any one of these servers, so some users get one answer and others the other. Right after a change this settles within minutes; if it doesn't, the servers aren't copying the zone from each other. We report the worst of the answers.",
    },
  },

  action: {
    none: 'Nothing to do.',
    recheck:
      "Check again in a few minutes. If it keeps failing, the domain's DNS servers may have a problem: ask whoever hosts the domain's DNS.",
    'choose-cloud': 'Choose the cloud the tenant uses and check again.',
    'service-off': {
      mail: 'If the domain does use Microsoft 365 for email, say so and check again.',
      teams: 'If the domain does use Teams, say so and check again.',
      intune: 'If the domain does use Intune, say so and check again.',
    },
    add: 'At your DNS host, add a {type} record: host {host}, pointing to {value}, TTL {ttl} seconds (1 hour). The full name is {name}.',
    change:
      'At your DNS host, change the {type} record {host} so it points to {value} (TTL {ttl} seconds). The full name is {name}.',
    'replace-own':
      'At your DNS host, delete the records at {host} ({found}), then add a {type} record: host {host}, pointing to {value}, TTL {ttl} seconds.',
    'remove-beside':
      'At your DNS host, delete the other records at {host} ({found}) and keep only the CNAME. The full name is {name}.',
    unproxy:
      "In Cloudflare's DNS settings, set the record {host} to “DNS only” (grey cloud) so it answers with its CNAME to {value}.",
    'unproxy-unknown':
      "In Cloudflare's DNS settings, set the record {host} to “DNS only” (grey cloud) so it answers with its CNAME.",
    'add-srv':
      'At your DNS host, add an SRV record: name {host}, with priority, weight, port and target {value}, TTL {ttl} seconds. The full name is {name}.',
    'delete-srv': 'At your DNS host, delete these SRV records at {host}: {found}.',
    'replace-srv':
      'At your DNS host, replace the SRV record at {host} ({found}) with {value} (priority, weight, port, target).',
    'replace-srv-unknown-target':
      'At your DNS host, correct the SRV record at {host} ({found}) so it uses port {port}. Choose the cloud the tenant uses to see the right target.',
    'domain-not-found':
      'Check the spelling of {domain}. If it is right, ask the registrar whether the domain is registered and its DNS servers are set up.',
  },

  note: {
    inconsistent: {
      holds: '{servers} (SOA serial {serial}): {found}.',
      absent: '{servers} (SOA serial {serial}): no such record.',
    },
    'copy-from': {
      worldwide:
        'This value is specific to your tenant. Copy it from the Microsoft 365 admin center: Settings → Domains → select {domain} → DNS records.',
      '21vianet':
        'This value is specific to your tenant. Copy it from the Microsoft 365 admin center operated by 21Vianet: Settings → Domains → select {domain} → DNS records.',
      gcchigh:
        'This value is specific to your tenant. Copy it from the GCC High admin center: Settings → Domains → select {domain} → DNS records.',
      dod: 'This value is specific to your tenant. Copy it from the DoD admin center: Settings → Domains → select {domain} → DNS records.',
      unknown:
        "This value is specific to your tenant. Copy it from your tenant's Microsoft 365 admin center: Settings → Domains → select {domain} → DNS records.",
    },
    'matches-cloud': {
      worldwide: 'This is the value for Worldwide (commercial) and GCC tenants.',
      '21vianet': 'This is the value for Office 365 operated by 21Vianet.',
      gcchigh: 'This is the value for GCC High tenants.',
      dod: 'This is the value for DoD tenants.',
    },
    typo: 'This looks like a typo of {expected}. Difference ([-x] remove, [+x] add): {diff}',
    'via-chain':
      'It works through {hops} steps. Microsoft documents a direct CNAME to {value}; pointing {name} there directly is simpler.',
    'legacy-sfb':
      "This is a legacy Skype for Business record. Tenants that use only Teams don't need it; if it is there, it should point to the right place.",
    'txt-blocks-cname':
      "{name} already has other records. A CNAME can't share its name with them, so delete them before adding the CNAME at {host}.",
    'name-exists-no-cname': '{name} exists in DNS but has no CNAME record.',
    undocumented:
      "Microsoft doesn't document this record for this cloud. Check your tenant's admin center to see whether it asks for it.",
    'autodiscover-hybrid':
      'If the organisation runs Exchange on its own servers (a hybrid setup), autodiscover may point there on purpose.',
    'partial-own-data': "Some lookups at {name} didn't finish, so there may be more records there than shown.",
    'third-party-filter':
      'If mail goes through a filtering service before Microsoft 365 on purpose, these MX records can be right: the service then passes mail on to Microsoft 365.',
    'mx-microsoft': "This is Microsoft's newer MX address form, which supports DNSSEC and DANE.",
    'cloud-unknown-target': "Which server it should point to depends on the tenant's cloud.",
    'conflict-beside':
      "{name} also has other records beside the CNAME ({found}). A CNAME can't share its name with them; remove them too.",
  },

  verification: {
    verdict: {
      ok: { present: '{name} has a domain verification record ({found}).' },
      'wrong-value': {
        'no-prefix':
          '{name} has a TXT record {found} that looks like a verification value without its {prefix} prefix.',
      },
      'optional-absent': { absent: '{name} has no domain verification record.' },
    },
    impact: {
      ok: 'Microsoft 365 can confirm that the organisation owns the domain.',
      'wrong-value':
        "Microsoft 365 can't use this value to verify the domain, because the prefix is part of the value.",
      'optional-absent':
        'This is fine if the domain already shows as verified in the admin center: the record is needed only until then.',
    },
    action: {
      'add-prefix': 'At your DNS host, change the TXT record at {host} to {value}.',
      'add-if-unverified':
        'If the domain is not verified yet, add a TXT record at {host} with the value the admin center shows ({value}). Otherwise nothing to do.',
    },
    note: {
      removable: 'Once the domain shows as verified, you can delete this record; keeping it does no harm.',
    },
  },

  mx: {
    verdict: {
      ok: {
        protection: "{domain}'s mail goes to Microsoft 365 ({microsoft}), and no other MX record competes with it.",
        'mx-microsoft': "{domain}'s mail goes to Microsoft 365 ({microsoft}), and no other MX record competes with it.",
        'null-mx': '{domain} says it receives no email (a “null MX” record: {found}).',
      },
      missing: { absent: '{domain} has no MX record, so it receives no email.' },
      'wrong-value': {
        'null-mx': '{domain} has a “null MX” record ({found}), which tells senders the domain receives no email.',
        'null-mx-mixed': '{domain} has a “null MX” record next to other MX records ({found}).',
        'other-cloud':
          "{domain}'s MX records ({found}) point to a different Microsoft 365 cloud than the one the tenant uses.",
        'third-party': "{domain}'s MX records ({found}) send mail somewhere other than Microsoft 365.",
        priority: "{domain}'s mail goes first to {others}, not to Microsoft 365 ({microsoft}).",
        'shared-priority':
          "{domain}'s MX records give Microsoft 365 ({microsoft}) the same priority as {others}, so mail is split between them.",
      },
      'must-remove': {
        'extra-mx':
          "{domain}'s mail goes first to Microsoft 365 ({microsoft}), but other MX records ({others}) still take mail when Microsoft 365 is slow to answer.",
      },
      deprecated: {
        'legacy-microsoft':
          "{domain}'s mail goes to {legacy}, an older Microsoft 365 mail address that Microsoft lists as legacy.",
      },
      'not-applicable': {
        elsewhere: "{domain}'s mail goes to {found}, not to Microsoft 365. Email records aren't checked further.",
      },
    },
    impact: {
      ok: {
        microsoft: 'Email to the domain is delivered to Microsoft 365 mailboxes.',
        'null-mx': "That's right if the domain isn't used for email.",
      },
      missing: 'Email sent to addresses on this domain bounces.',
      'wrong-value': {
        'null-mx':
          'Email sent to addresses on this domain is refused by the sender, so Microsoft 365 mailboxes get nothing.',
        'null-mx-mixed':
          'A null MX must be the only MX record. Senders may refuse mail to the domain or behave unpredictably.',
        'other-cloud': "Mail is sent to a cloud where the tenant doesn't exist, so it bounces.",
        'third-party':
          "Email doesn't reach Microsoft 365 mailboxes directly. That's only right if a filtering service forwards it there.",
        priority:
          'Senders deliver to the record with the lowest preference number, so most mail goes to the other server instead of Microsoft 365.',
        'shared-priority':
          'Senders pick among records of equal priority at random, so part of the mail misses Microsoft 365.',
      },
      'must-remove':
        'Mail that goes to the old server may never reach Microsoft 365 mailboxes, and it can bypass Microsoft 365 spam filtering.',
      deprecated:
        'Microsoft asks for legacy MX records like this one to be replaced by the current MX value, which the admin center shows.',
    },
    action: {
      add: 'At your DNS host, add an MX record at {host} with priority 0 and the value {value}.',
      'replace-null':
        'At your DNS host, delete the MX record {found}, then add an MX record at {host} with priority 0 and the value {value}.',
      'delete-null':
        'At your DNS host, delete the null MX record (the one whose value is a single dot). Keep the others.',
      'replace-all':
        'At your DNS host, replace the MX records ({found}) with one MX record at {host}: priority 0, value {value}. Skip this if a filtering service forwards mail to Microsoft 365 on purpose.',
      'make-first':
        'At your DNS host, give the Microsoft 365 MX record the lowest priority number ({value}) and delete the other MX records ({others}).',
      'delete-others': 'At your DNS host, delete the other MX records ({others}) once no mail needs to go there.',
      'replace-legacy':
        'At your DNS host, change the MX record ({legacy}) to your current MX: priority 0, value {value}.',
    },
  },

  autodiscover: {
    verdict: cnameVerdicts('autodiscover', { missing: true }),
    impact: {
      ok: 'Outlook and mobile mail apps find the mailbox settings on their own.',
      missing:
        'Outlook and mobile mail apps may not find the mailbox settings on their own, so setting up an account can fail or ask users for server settings.',
      'wrong-value':
        'Outlook and mobile mail apps look for the mailbox in the wrong place, so setting up accounts fails or asks for settings.',
    },
  },

  'autodiscover-srv': {
    verdict: {
      'optional-absent': { absent: "There is no autodiscover SRV record at {name}. Microsoft 365 doesn't need one." },
      ok: {
        present:
          '{name} has an autodiscover SRV record ({found}). Outlook looks at it only when its other ways of finding the mailbox fail.',
        fallback:
          '{name} has an autodiscover SRV record ({found}). Because the autodiscover CNAME {cname} is missing or wrong, Outlook may follow it to {targets}.',
      },
    },
    impact: {
      'optional-absent': 'Outlook finds mailboxes through the autodiscover CNAME.',
      ok: {
        present: 'Nothing: Outlook finds the mailbox through the autodiscover CNAME before it would look here.',
        fallback:
          'Outlook may use this record to find the mailbox. If it points to an old mail server, Outlook asks users for settings or connects to the wrong server.',
      },
    },
    action: {
      'fix-cname-first':
        'Fix the autodiscover CNAME {cname} first. Once it works, this SRV record no longer matters; delete it only if nothing else uses it.',
    },
  },

  spf: {
    verdict: {
      ok: {
        'hard-fail':
          'The SPF record of {name} lists the allowed senders and ends with {all}: other senders fail (hard fail). It needs {count} of {limit} DNS lookups.',
        'soft-fail':
          'The SPF record of {name} lists the allowed senders and ends with {all}: other senders soft-fail. It needs {count} of {limit} DNS lookups.',
      },
      missing: { absent: '{name} has no SPF record.' },
      'too-many': { records: '{name} has {count} SPF records ({found}); only one is allowed.' },
      'wrong-value': spfIssues,
      'lookup-failed': {
        nested:
          "Could not check the whole SPF record of {name}: the record it includes at {include} couldn't be read. So far it needs at least {count} of {limit} DNS lookups.",
        macro:
          "Could not check the whole SPF record of {name}: it includes {include}, which depends on each message (an SPF macro), so we can't tell whether Microsoft 365 is included.",
      },
    },
    impact: {
      ok: {
        'hard-fail': 'Receivers can tell mail from Microsoft 365 apart from forged mail using the domain.',
        'soft-fail':
          'Receivers can tell mail from Microsoft 365 apart from forged mail; forged mail is marked as suspicious rather than rejected.',
      },
      missing:
        'Receivers have no list of servers allowed to send mail for the domain, so your mail is more likely to land in spam and forged mail is harder to spot.',
      'too-many':
        'With more than one SPF record, receivers treat SPF as broken (a permanent error), so your mail is more likely to be rejected or marked as spam.',
      'wrong-value': {
        'lookup-limit':
          'Receivers stop after 10 lookups and treat SPF as broken, so your mail is more likely to be rejected or marked as spam.',
        'broken-include': {
          'no-record':
            'Receivers treat SPF as broken (a permanent error), so your mail is more likely to be rejected or marked as spam.',
          'several-records':
            'Receivers treat SPF as broken (a permanent error), so your mail is more likely to be rejected or marked as spam.',
          loop: 'Receivers treat SPF as broken (a permanent error), so your mail is more likely to be rejected or marked as spam.',
        },
        'no-include': 'Mail sent through Microsoft 365 fails SPF, so receivers may reject it or put it in spam.',
        'pass-all': 'Anyone can send mail that passes SPF as the domain, so forged mail looks legitimate.',
        'neutral-all': "SPF doesn't help receivers spot forged mail from the domain.",
        'no-all': "SPF doesn't help receivers spot forged mail from the domain.",
      },
      'lookup-failed':
        "This says nothing about the record itself: part of the check didn't finish, so we don't know yet whether it stays within the limits.",
    },
    action: {
      add: 'At your DNS host, add a TXT record at {host} with the value {value}. Add any other services that send mail for the domain to it.',
      'add-cloud-unknown':
        'Choose the cloud the tenant uses to see the SPF value, then add it as a TXT record at {host}.',
      merge:
        'At your DNS host, delete the SPF records and add one that combines them, for example {value}. Check that every service that sends mail for the domain is still in it.',
      'lookup-limit':
        "Remove includes for services that no longer send mail for the domain, or replace some of them with the IP addresses they use, until the record needs at most 10 lookups. But never replace Microsoft 365's include with addresses: Microsoft's sending addresses change often.",
      'broken-include': {
        'no-record':
          'Remove the include of {include} from the SPF record, or ask the owner of {include} to publish an SPF record.',
        'several-records':
          'Ask the owner of {include} to merge its SPF records into one, or remove the include of {include}.',
        loop: 'Remove the include that leads back in a loop ({include}).',
      },
      'no-include': 'At your DNS host, change the SPF record at {host} to {value}.',
      'pass-all': 'At your DNS host, change the SPF record at {host} to {value}.',
      'neutral-all': 'At your DNS host, change the SPF record at {host} to {value}.',
      'no-all': 'At your DNS host, change the SPF record at {host} to {value}.',
      'check-macros':
        'Check with the owner of the macro include that it covers Microsoft 365, or add an include of {include} to the record yourself.',
    },
    note: {
      lookups: 'The record needs {count} of {limit} DNS lookups.',
      'lookups-at-least': 'The record needs at least {count} of {limit} DNS lookups (some parts could not be read).',
      macros: 'Parts of the record depend on each message (SPF macros: {includes}); each was counted as one lookup.',
      'include-unchecked':
        "We didn't check whether the record includes Microsoft 365, because the tenant's cloud is unknown.",
      incomplete: "Some included records couldn't be read ({unresolved}), so there may be more problems.",
      'merge-check': 'The merged value is a suggestion: check it lists every service that sends mail for the domain.',
      also: spfIssues,
    },
  },

  dkim: {
    verdict: {
      ok: {
        onmicrosoft:
          "{name} points to Microsoft's DKIM key ({found}), in the older form through the tenant's initial domain.",
        'dkim-mail-microsoft': "{name} points to Microsoft's DKIM key ({found}), in the newer form.",
        undocumented:
          "{name} points to {found}. Microsoft doesn't document DKIM records for this cloud, so we can't judge it.",
      },
      'optional-absent': {
        undocumented: "There is no DKIM record at {name}. Microsoft doesn't document DKIM records for this cloud.",
      },
      missing: {
        absent: 'There is no DKIM record at {name}.',
        'pair-incomplete': 'There is no DKIM record at {name}, although {other} has one.',
      },
      'wrong-value': {
        'not-cname': "{name} has its own records ({found}) instead of a CNAME to Microsoft's DKIM key.",
        'own-key': "{name} publishes a DKIM key of its own ({found}) instead of a CNAME to Microsoft's DKIM key.",
        'other-cloud': '{name} points to {found}, which is the DKIM form of a different Microsoft 365 cloud.',
        'other-target': "{name} points to {found}, which isn't Microsoft's DKIM key.",
        swapped: '{name} points to {found}, which is the key for the other selector.',
        'mixed-formats':
          "{name} leads through both of Microsoft's DKIM forms (older and newer) in one chain; a selector can use only one.",
        'dead-end': "{name} points to {found}, which doesn't exist (yet).",
      },
    },
    impact: {
      ok: 'Microsoft 365 can sign outgoing mail for the domain with DKIM.',
      'optional-absent': 'Mail is not signed with a DKIM key for the domain.',
      missing: {
        absent:
          "Microsoft 365 can't sign outgoing mail with a DKIM key for the domain, so mail is more likely to fail DMARC and land in spam.",
        'pair-incomplete':
          'Microsoft 365 rotates between the two keys; when it switches to this one, DKIM signing breaks.',
      },
      'wrong-value': {
        'not-cname': "Microsoft 365 can't publish or rotate its DKIM key here, so DKIM signing fails.",
        'own-key': "Microsoft 365 can't rotate this key, and mail signed by Microsoft 365 fails DKIM checks.",
        'other-cloud': "The key lives in a cloud where the tenant doesn't exist, so DKIM signing fails.",
        'other-target': 'Mail signed by Microsoft 365 fails DKIM checks.',
        swapped: 'DKIM checks fail for mail signed with the affected key.',
        'mixed-formats':
          "Microsoft says the two forms can't coexist for the same selector, so DKIM signing with this key may fail.",
        'dead-end': 'DKIM checks fail until the key exists: DKIM may not be turned on for the domain yet.',
      },
    },
    action: {
      add: 'At your DNS host, add a CNAME record at {name} with the value {value}.',
      change: 'At your DNS host, change the CNAME record {name} to the value {value}.',
      'replace-own':
        'At your DNS host, delete the records at {name} ({found}), then add a CNAME record there with the value {value}.',
    },
    note: {
      'enable-dkim':
        'Turn on DKIM for the domain in the Microsoft Defender portal (Email authentication settings → DKIM), which creates the key.',
    },
  },

  dmarc: {
    verdict: {
      ok: {
        quarantine: '{name} has a DMARC policy that sends failing mail to spam ({policyTag}).',
        reject: '{name} has a DMARC policy that rejects failing mail ({policyTag}).',
        inherited:
          '{name} has no DMARC record of its own, and none is needed: the record at {parent} covers it ({policyTag}).',
      },
      missing: {
        absent: '{name} has no DMARC record.',
        'absent-with-parent': '{name} has no DMARC record, and neither has {parent}, whose record would cover it.',
      },
      'too-many': { records: '{name} has {count} DMARC records; only one is allowed.' },
      'wrong-value': {
        'no-policy': 'The DMARC record at {name} ({found}) has no valid policy.',
        'policy-none':
          'The DMARC record at {name} only monitors ({policyTag}): it asks receivers to do nothing with failing mail.',
      },
    },
    impact: {
      ok: 'Receivers act on mail that fails SPF and DKIM checks for the domain, which protects against forged mail.',
      'ok-inherited':
        "Receivers apply the parent domain's DMARC policy to this subdomain, as Microsoft describes for subdomains without a record of their own.",
      missing: 'Receivers get no instructions for forged mail that uses the domain, and you get no reports about it.',
      'too-many': 'With more than one DMARC record, receivers ignore DMARC for the domain.',
      'wrong-value': {
        'no-policy': 'Receivers ignore a DMARC record without a valid policy.',
        'policy-none':
          'Forged mail that uses the domain is still delivered. This is a good first step, but not protection.',
      },
    },
    action: {
      add: 'At your DNS host, add a TXT record at {name} (host {host}) with the value {value}, then watch the reports.',
      'keep-one': 'At your DNS host, keep one DMARC record at {name} and delete the others.',
      'set-policy': 'At your DNS host, change the DMARC record at {name} to {value}.',
      tighten:
        'Once the DMARC reports show that all your legitimate mail passes, change the record at {name} to {value}, and later to {strictest}.',
    },
    note: {
      'no-reports': "The record asks for no aggregate reports, so you won't see who sends mail as the domain.",
      pct: 'The policy applies to only {pct}% of failing mail.',
      'inherited-monitor-only':
        'The covering policy ({policyTag}) only monitors: forged mail that uses this subdomain is still delivered. Tightening it is a change to {parent}, which covers the parent domain too.',
      'inherited-no-policy':
        'The covering record ({found}) has no valid policy, so receivers may ignore it. Check the record at {parent}.',
    },
  },

  sipfederation: {
    verdict: srvVerdicts('Teams federation', 'missing'),
    impact: {
      ok: 'People in other organisations can find and chat with Teams users on this domain.',
      missing: "People in other organisations can't find Teams users on this domain to chat or call them (federation).",
      'wrong-value': {
        broken: "People in other organisations can't reach Teams users on this domain (federation fails).",
        minor:
          "It still works while it is the only SRV record there, but it differs from Microsoft's value; use Microsoft's value to be safe.",
      },
    },
  },

  sip: {
    verdict: cnameVerdicts('Skype for Business sip', { optional: true }),
    impact: {
      ok: 'Old Skype for Business clients can find the sign-in service.',
      'optional-absent': 'Nothing is affected if nobody uses Skype for Business clients.',
      'wrong-value': 'Old Skype for Business clients that still use this record are sent to the wrong place.',
    },
  },

  lyncdiscover: {
    verdict: cnameVerdicts('Skype for Business lyncdiscover', { optional: true }),
    impact: {
      ok: 'Old Skype for Business clients and some PowerShell tools can find the service.',
      'optional-absent': 'Nothing is affected if nobody uses Skype for Business clients.',
      'wrong-value': 'Old Skype for Business clients and tools that still use this record are sent to the wrong place.',
    },
  },

  'sip-tls': {
    verdict: srvVerdicts('Skype for Business SIP', 'optional-absent'),
    impact: {
      ok: 'Old Skype for Business clients can find the sign-in service.',
      'optional-absent': 'Nothing is affected if nobody uses Skype for Business clients.',
      'wrong-value': {
        broken: 'Old Skype for Business clients that still use this record are sent to the wrong place.',
        minor: "It still works while it is the only SRV record there, but it differs from Microsoft's value.",
      },
    },
  },

  enterpriseregistration: {
    verdict: cnameVerdicts('device registration (enterpriseregistration)', {
      missing: true,
      optional: true,
      undocumented: true,
    }),
    impact: {
      ok: 'Devices (Windows, iOS/iPadOS and Android) can register with Microsoft Entra ID using an address on this domain.',
      missing:
        'Devices (Windows, iOS/iPadOS and Android) may not register automatically with Microsoft Entra ID, which conditional access and Intune rely on.',
      'optional-absent': 'Devices may not register automatically with Microsoft Entra ID.',
      'wrong-value': 'Device registration (Windows, iOS/iPadOS and Android) is sent to the wrong place and may fail.',
    },
  },

  enterpriseenrollment: {
    verdict: cnameVerdicts('Intune enrollment (enterpriseenrollment)', { optional: true, deprecated: true }),
    impact: {
      ok: 'Users who enroll a Windows device by hand find the Intune server by entering only their work address.',
      'optional-absent':
        "Only users who enroll Windows devices by hand are affected: they type the enrollment server address themselves. Devices enrolled automatically (Microsoft Entra join with automatic MDM enrollment) don't need this record.",
      'wrong-value':
        'Users who enroll a Windows device by hand are sent to the wrong place and have to enter the server address themselves.',
      deprecated:
        'Enrollment works, but users who enroll by hand see an extra prompt to confirm the server. The recommended value has no prompt.',
    },
  },
} as const;
