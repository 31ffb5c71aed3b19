/** Alert messages (issue 17 part B): the digest of a list run, "can't check", the test message, watches. */
export const alertsMessages = {
  title: {
    digest: 'DNS changes in {list}',
    cannotCheck: "We can't check some domains in {list}",
    test: 'Test message from M365 DNS Health',
    watchLive: '{domain} is live',
    watchGaveUp: 'Stopped waiting for {domain}',
  },
  summary:
    '{fixed} fixed, {newlyBroken} newly broken, {changed} changed, {stillBroken} still broken, {unchanged} unchanged.',
  cannotCheckSummary: "These domains couldn't be checked in the last {runs} runs. Their DNS servers may be down.",
  testBody: 'This channel works. Alerts for your lists will arrive here.',
  more: 'and {count} more',
  change: {
    fixed: 'fixed',
    newly_broken: 'newly broken',
    changed: 'value changed',
    still_broken: 'still broken',
    cannot_check: "can't check",
    unchanged: 'unchanged',
  },
  open: 'Open the list',
} as const;
