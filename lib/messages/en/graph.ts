/** The tenant's expected values from Microsoft Graph (issue 18 item 4): where a value came from, and what Graph said. */
export const graphMessages = {
  /** Where a record's expected value came from (report rows, detail page, exports). */
  source: {
    tenant: 'from your tenant',
    documented: "Microsoft's documented pattern",
  },
  sourceLabel: 'Source',
  /** The domain note: what asking Microsoft Graph about the domain gave. */
  state: {
    found:
      "Expected values marked “from your tenant” are your tenant's own records for {domain}, read from Microsoft Graph. DKIM isn't in Graph: it stays Microsoft's documented pattern.",
    'not-in-tenant':
      "This domain isn't added to your tenant: {domain} is not in your Microsoft 365 tenant's domain list. Add it in the admin center (Settings → Domains → Add domain) before publishing its records; the expected values below are Microsoft's documented patterns.",
    'no-permission':
      "Could not check your tenant's expected values (no permission): reading the domain from Microsoft Graph needs the delegated permission {permission} with admin consent. Ask your administrator to grant admin consent for {permission} to this app. The expected values below are Microsoft's documented patterns.",
    'sign-in-expired':
      "Could not check your tenant's expected values: your sign-in to Microsoft Graph has expired. Sign out and sign in again to compare {domain} with your tenant's own records; the expected values below are Microsoft's documented patterns.",
    failed:
      "Could not check your tenant's expected values: Microsoft Graph didn't answer ({detail}). The expected values below are Microsoft's documented patterns; check again later.",
  },
  note: {
    'exact-from-tenant': "This value is your tenant's own, read from Microsoft Graph: use it as it is.",
  },
  mx: {
    verdict:
      "{name}'s MX points to {microsoft}, a Microsoft 365 MX, but your tenant expects {value}: mail goes to another tenant's mailbox service.",
    impact: 'Mail for this domain is sent to a Microsoft 365 tenant that is not yours and bounces or is lost.',
  },
  verification: {
    verdict: '{name} has a verification record ({found}), but your tenant asks for {value}.',
    impact: "Your tenant can't verify the domain with this value: it belongs to another tenant or an earlier attempt.",
    'impact-verified':
      'The domain is already verified in your tenant: this leftover record does no harm and can be removed.',
  },
};
