/** Propagation (issue 14): published answer against each resolver's, and "check until live". */
export const propagationMessages = {
  state: {
    live: 'Live',
    pending: 'Pending',
    'servers-disagree': 'Servers disagree',
    'internal-copy': 'Internal copy differs',
    unknown: 'Propagation unknown',
  },
  reason: {
    'published-unavailable': "The domain's own DNS servers didn't answer, so we can't compare.",
    'no-resolvers': 'No resolver to compare with.',
    'resolver-failed': "A resolver didn't answer.",
  },
  published: 'Published',
  seenBy: 'Seen by {resolver}',
  noRecord: 'no record',
  noAnswer: 'no answer',
  remaining: '{seconds} s left',
  liveEverywhere: 'Live at every resolver we asked.',
  pendingBy: 'Resolvers should see it by {time}.',
  internal: 'Inside the network ({resolver}) clients get {inside}; everyone outside gets {outside}.',
  disagree: "The domain's own DNS servers publish different answers.",
  helpdesk: {
    pending: 'The change is done; users will see it by {time}.',
    internal:
      "The inside and the outside of the network differ: computers inside the company network (using {resolver}) get another answer than everyone outside, and Microsoft 365 apps inside the network use the inside one. Change the record in both places: the company's own DNS server and the domain's DNS host.",
  },
  /** The fix list when a resolver serves an internal copy of the zone that differs (split-brain). */
  fix: {
    both: "Change it in both places: at the domain's DNS host (what everyone outside the network sees) and in the copy of the zone on your internal DNS server {resolver} (what computers inside the network, and the Microsoft 365 apps there, use).",
    insideOnly:
      "The domain's DNS host already publishes the right record. Change it in the copy of the zone on your internal DNS server {resolver}: computers inside the network, and the Microsoft 365 apps there, use that copy.",
  },
  watch: {
    start: 'Check until live',
    stop: 'Stop checking',
    checking: 'Checking…',
    countdown: 'Resolvers should see it by {time}; checking again in {seconds} s.',
    idle: 'Every record is live at every resolver we asked; waiting for your change to be published. Checking again in {seconds} s.',
    waiting: 'Checking again in {seconds} s.',
    live: 'Live at every resolver we asked (after {count} checks).',
    gaveUp: 'Stopped checking after {minutes} minutes; it is not live yet.',
    failed: 'The last check failed: {message}',
    titleWatching: 'Checking until live: {domain}',
    titleLive: 'Live: {domain}',
    notifyTitle: '{domain} is live',
    notifyBody: 'Every resolver we asked now hands out the published records.',
  },
};
