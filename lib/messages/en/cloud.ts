/**
 * English text about clouds: names for the picker and the report, evidence labels, and the
 * domain notes written by `cloudNotes`. DNS literals arrive as params.
 */
export const cloudMessages = {
  name: {
    auto: 'Detect automatically',
    worldwide: 'Worldwide (commercial)',
    '21vianet': 'Office 365 operated by 21Vianet',
    gcc: 'GCC',
    gcchigh: 'GCC High',
    dod: 'DoD',
    unknown: 'Unknown',
    'worldwide-or-gcc': 'Worldwide (or GCC)',
  },
  hint: {
    'worldwide-or-gcc': 'Worldwide or GCC',
    '21vianet': 'Office 365 operated by 21Vianet',
    gcchigh: 'GCC High',
    dod: 'DoD',
    'gcchigh-or-dod': 'GCC High or DoD',
    germany: 'Office 365 Germany (retired)',
  },
  record: {
    mx: 'MX record',
    autodiscover: 'Autodiscover CNAME',
    spf: 'SPF record',
  },
  note: {
    conflicting:
      "The domain's DNS records point to more than one Microsoft 365 cloud ({records}), so we can't tell which cloud the tenant uses. Choose it and check again.",
    germany:
      "The domain's DNS records point to Office 365 Germany ({records}), which has been retired. Choose the cloud the tenant uses now and check again.",
    'evidence-incomplete':
      "We couldn't tell which cloud the tenant uses because some lookups didn't finish ({lookups}). Check again, or choose the cloud.",
    'no-evidence':
      "None of the domain's MX, autodiscover or SPF records point to Microsoft 365, so we can't tell which cloud the tenant uses. Choose it and check again.",
    'worldwide-or-gcc':
      "The DNS records point to Worldwide or GCC, and DNS can't tell the two apart. The msoid rule is the same for both, so the result holds for either.",
    'gcchigh-or-dod':
      'The DNS records point to GCC High or DoD, which use the same mail records. The msoid rule is the same for both (no msoid record), so we checked it as GCC High and the result holds for DoD too.',
    contradicts: {
      'worldwide-or-gcc':
        "The domain's DNS records point to Worldwide or GCC ({records}), not to the cloud you chose. The results follow your choice; make sure it is right.",
      '21vianet':
        "The domain's DNS records point to Office 365 operated by 21Vianet ({records}), not to the cloud you chose. The results follow your choice; make sure it is right.",
      gcchigh:
        "The domain's DNS records point to GCC High ({records}), not to the cloud you chose. The results follow your choice; make sure it is right.",
      dod: "The domain's DNS records point to DoD ({records}), not to the cloud you chose. The results follow your choice; make sure it is right.",
      'gcchigh-or-dod':
        "The domain's DNS records point to GCC High or DoD ({records}), not to the cloud you chose. The results follow your choice; make sure it is right.",
      germany:
        "The domain's DNS records point to Office 365 Germany ({records}), which has been retired. The results follow the cloud you chose; make sure it is right.",
    },
  },
} as const;
