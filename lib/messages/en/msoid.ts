/**
 * English text for the msoid finding. Codes are dot paths under `msoid.` (see `lib/messages/format.ts`).
 * DNS literals (names, values) arrive as params; none are written here.
 * "Could not check" wording never says that anything is missing.
 */
export const msoidMessages = {
  status: {
    ok: 'OK',
    missing: 'Missing',
    'wrong-target': 'Wrong target',
    'not-cname': 'Not a CNAME',
    'must-remove': 'Remove',
    'domain-not-found': 'No such domain',
    'lookup-failed': 'Could not check',
    'cloud-unknown': 'Choose cloud',
  },
  severity: {
    critical: 'Critical',
    warning: 'Warning',
    notice: 'Notice',
    ok: 'OK',
    unchecked: 'Could not check',
  },
  requirement: {
    required: 'Required',
    recommended: 'Recommended',
    optional: 'Optional',
    'must-not-exist': 'Must not exist',
    'depends-on-cloud': 'Depends on the cloud',
  },
  verdict: {
    ok: {
      direct: '{name} points to the 21Vianet sign-in service, as it should.',
      'via-chain': '{name} reaches the 21Vianet sign-in service through a chain of {hops} CNAME records.',
      wildcard: '{name} reaches the 21Vianet sign-in service through a wildcard record.',
      absent: 'There is no msoid record at {name}, which is right for this cloud.',
      'wildcard-a': '{name} has no msoid record of its own, which is right for this cloud.',
    },
    missing: {
      absent: 'There is no msoid record at {name}.',
      'wildcard-a': 'There is no msoid CNAME record at {name}; only a wildcard record answers there.',
    },
    'wrong-target': {
      typo: '{name} points to {found}, which looks like a typo of the 21Vianet sign-in address.',
      'legacy-worldwide-target':
        '{name} points to the old worldwide sign-in address {legacy} instead of the 21Vianet one.',
      'zone-appended': '{name} points to {found}: the domain name was added to the end of the correct value.',
      loop: '{name} points to {found}, but the CNAME records after it go round in a loop.',
      'too-long': '{name} points to {found}, but the chain of CNAME records is too long to follow.',
      'dead-end': "{name} points to {found}, which leads to a name that doesn't exist.",
      'other-target': '{name} points to {found} instead of the 21Vianet sign-in service.',
    },
    'not-cname': {
      'own-data': '{name} has its own records ({found}) instead of a CNAME to the 21Vianet sign-in service.',
    },
    'must-remove': {
      '21vianet-target': '{name} points to the 21Vianet sign-in service, which only 21Vianet tenants should use.',
      'legacy-worldwide-target': '{name} is an old msoid record pointing to {legacy}; this cloud no longer uses it.',
      'other-target': '{name} is an msoid record pointing to {found}; this cloud should not have one.',
      'own-data': '{name} has records ({found}); this cloud should not have an msoid record.',
    },
    'domain-not-found': "DNS says the domain {domain} doesn't exist.",
    'lookup-failed': {
      servfail:
        'Could not check {record}: the DNS server reported a failure (SERVFAIL) for the {type} lookup of {name}.',
      refused: 'Could not check {record}: the DNS server refused the {type} lookup of {name}.',
      timeout: "Could not check {record}: the DNS server didn't answer the {type} lookup of {name} in time.",
      'bad-response': "Could not check {record}: the reply to the {type} lookup of {name} couldn't be read.",
      'network-error': 'Could not check {record}: a network error stopped the {type} lookup of {name}.',
      cancelled: 'Could not check {record}: the {type} lookup of {name} was cancelled.',
      deadline: 'Could not check {record}: time ran out before the {type} lookup of {name} finished.',
      skipped: "Could not check {record}: the {type} lookup of {name} wasn't run.",
    },
    'cloud-unknown': {
      absent: "There is no msoid record at {name}; whether that's right depends on the tenant's cloud.",
      '21vianet-target':
        "{name} points to the 21Vianet sign-in service; whether that's right depends on the tenant's cloud.",
      'legacy-worldwide-target':
        "{name} points to the old worldwide sign-in address; what to do depends on the tenant's cloud.",
      'other-target': "{name} points to {found}; what to do depends on the tenant's cloud.",
      'own-data': "{name} has its own records ({found}); what to do depends on the tenant's cloud.",
    },
  },
  impact: {
    ok: {
      '21vianet': 'Apps such as Outlook sign in through the right service for your region.',
      absent: 'Sign-in and Microsoft 365 Apps activation are not affected.',
    },
    missing:
      'Sign-in still works, but apps such as Outlook and PowerShell fall back to a default sign-in endpoint in the United States, so signing in can be slower.',
    'wrong-target':
      "Apps such as Outlook, PowerShell and the directory sync tool can't sign in, because this record sends them to the wrong place.",
    'not-cname':
      "Apps such as Outlook expect a CNAME here. With other records in its place they can't find the sign-in service for your region, so they can't sign in.",
    'must-remove': {
      '21vianet-target':
        "Users can't activate Microsoft 365 Apps: they see an error saying their account “isn't in our system”.",
      gov: "Microsoft's GCC High and DoD pages say an msoid CNAME must be removed: it stops Microsoft 365 Apps from activating.",
      'gov-own-data':
        "Microsoft's GCC High and DoD pages warn only about an msoid CNAME. These records aren't documented to break anything, but they serve no purpose in this cloud.",
      'legacy-worldwide-target':
        'This is an old worldwide msoid record. Microsoft no longer uses or documents it (msoid now exists only in 21Vianet), so it should go.',
      unneeded:
        "Microsoft documents msoid only for 21Vianet, and warns that an msoid CNAME in another cloud can stop Microsoft 365 Apps from activating. This one doesn't point to the 21Vianet service, so its effect isn't documented; it serves no purpose, so remove it.",
    },
    'domain-not-found':
      "Nothing can work for a domain that doesn't exist: no email, and no sign-in with addresses on it.",
    'lookup-failed':
      "This says nothing about the record itself: the check didn't finish, so we don't know yet whether it is right.",
    'cloud-unknown': {
      absent:
        'If the tenant uses Office 365 operated by 21Vianet, the record is missing and sign-in can be slower. In every other cloud, having no msoid record is right.',
      '21vianet-target':
        'If the tenant uses Office 365 operated by 21Vianet, this record is right. In any other cloud it must be removed, because it stops Microsoft 365 Apps from activating.',
      'legacy-worldwide-target':
        "If the tenant uses Office 365 operated by 21Vianet, this value is wrong and apps can't sign in. In any other cloud it is an old record that should be removed.",
      'other-target':
        "If the tenant uses Office 365 operated by 21Vianet, this value is wrong and apps can't sign in. In any other cloud the record should be removed.",
      'own-data':
        "If the tenant uses Office 365 operated by 21Vianet, msoid must be a CNAME instead, or apps can't sign in. In any other cloud these records should be removed.",
    },
  },
  action: {
    none: 'Nothing to do.',
    add: 'At your DNS host, add a {type} record: host {host}, pointing to {value}, TTL {ttl} seconds (1 hour). The full name is {name}.',
    change:
      'At your DNS host, change the {type} record {host} so it points to {value} (TTL {ttl} seconds). The full name is {name}.',
    'add-over-wildcard':
      'At your DNS host, add a {type} record: host {host}, pointing to {value}, TTL {ttl} seconds. A record of its own takes precedence over the wildcard {wildcardName}.',
    'replace-own-data':
      'At your DNS host, delete the records at {host} ({found}), then add a {type} record: host {host}, pointing to {value}, TTL {ttl} seconds.',
    delete:
      'At your DNS host, delete the {type} record {host} (it points to {value}). The full name is {name}. The change can take about an hour to reach everyone.',
    'delete-own-data': 'At your DNS host, delete the records at {host}: {found}. The full name is {name}.',
    'delete-wildcard':
      'At your DNS host, remove or change the wildcard {type} record {wildcardName} (it points to {value}). It answers for every name under the domain that has no record of its own, so first check that nothing else depends on it.',
    recheck:
      "Check again in a few minutes. If it keeps failing, the domain's DNS servers may have a problem: ask whoever hosts the domain's DNS.",
    'choose-cloud': 'Choose the cloud the tenant uses and check again.',
    'domain-not-found':
      'Check the spelling of {domain}. If it is right, ask the registrar whether the domain is registered and its DNS servers are set up.',
  },
  note: {
    'wildcard-cname': '{name} gets its value from a wildcard record ({wildcardName}), not from a record of its own.',
    'wildcard-a':
      'A wildcard record ({wildcardName}) answers for {name} with {found}. That is not an msoid CNAME record, so we treat {name} as having no msoid record.',
    'wildcard-probe-failed':
      "We couldn't check whether the domain has a wildcard record, so we treated what we found at {name} as its own records.",
    'partial-own-data': "Some lookups at {name} didn't finish, so there may be more records there than shown.",
    'wildcard-explicit-recommended':
      "It works, but we recommend a record of its own so it doesn't depend on the wildcard: a {type} record, host {host}, pointing to {value}, TTL {ttl} seconds.",
    'via-chain':
      'It works through {hops} steps. Microsoft documents a direct CNAME to {value}; pointing {name} there directly is simpler.',
    typo: {
      'tld-swap':
        'This looks like a typo: the value ends in {foundEnding} instead of {expectedEnding}. Difference ([-x] remove, [+x] add): {diff}',
      'missing-label':
        'This looks like a typo: the “{label}” part is missing from the value. Difference ([-x] remove, [+x] add): {diff}',
      'edit-distance': 'This looks like a typo of {expected}. Difference ([-x] remove, [+x] add): {diff}',
    },
    'zone-appended':
      "Many DNS hosts add the domain name to a value that doesn't end with a dot. Enter the value with a dot at the end ({value}.), or see your DNS host's help on CNAME values.",
    'chain-end': {
      loop: 'The CNAME records it leads to go round in a loop.',
      'too-long': 'The chain of CNAME records it starts is too long to follow.',
      'dead-end': "The chain of CNAME records ends at {last}, a name that doesn't exist.",
    },
    'chain-incomplete':
      "We couldn't follow where the record leads (the lookup of {failedAt} didn't finish), so we can't say how serious it is. It should be removed either way.",
    'recheck-then-choose-cloud':
      "We also couldn't tell which cloud the tenant uses. After checking again, you may need to choose the cloud.",
  },
} as const;
