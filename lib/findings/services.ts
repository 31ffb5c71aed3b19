/**
 * Which services a domain uses, inferred from what it publishes (or set by the user). Pure.
 * - mail: an MX or an autodiscover CNAME chain pointing at Microsoft 365 (any cloud).
 * - teams: a `_sipfederationtls._tcp` SRV, or any legacy Skype for Business record (sip, lyncdiscover, `_sip._tls`).
 * - intune: an enterpriseenrollment or enterpriseregistration CNAME.
 * A service with no positive evidence whose evidence lookups failed is `uncertain` and assumed in use:
 * its records are then checked (and may read "could not check") instead of being passed as not used.
 */

import { cnameTargets } from '@/lib/findings/msoid/observe';
import { hasSuffix, sameName } from '@/lib/lookups/dns-names';
import { KEYS } from '@/lib/lookups/plan';
import {
  isAnswered,
  type Lookup,
  SERVICE_FLAGS,
  type ServiceFlag,
  type ServiceOverride,
  type Services,
} from '@/lib/schema';
import { specsByFamily } from './catalogue';
import { parseMx } from './records/observe';

type Get = (key: string) => Lookup | undefined;

const MX_SUFFIXES = specsByFamily('mx').flatMap(([, s]) =>
  s.expected.kind === 'mx' ? [...s.expected.suffixes, ...s.expected.legacy] : [],
);
const AUTODISCOVER_TARGETS = specsByFamily('autodiscover').flatMap(([, s]) =>
  s.expected.kind === 'cname' ? [s.expected.target] : [],
);

type Evidence = { found: boolean; failed: boolean };

const failedLookup = (l: Lookup | undefined) => l === undefined || !isAnswered(l.outcome) || l.chainEnd === 'failed';
const hasCname = (l: Lookup | undefined) => l !== undefined && cnameTargets(l).length > 0;
const hasAnswers = (l: Lookup | undefined) => l?.outcome === 'answer' && l.answers.length > 0;

function evidence(lookups: (Lookup | undefined)[], positive: (l: Lookup | undefined) => boolean): Evidence {
  return { found: lookups.some(positive), failed: lookups.some(failedLookup) };
}

function mailEvidence(get: Get): Evidence {
  const mx = get(KEYS.mx);
  const ad = get(KEYS.autodiscover);
  const mxFound = mx !== undefined && parseMx(mx).some((m) => MX_SUFFIXES.some((s) => hasSuffix(m.exchange, s)));
  const adFound = ad !== undefined && cnameTargets(ad).some((t) => AUTODISCOVER_TARGETS.some((x) => sameName(t, x)));
  return { found: mxFound || adFound, failed: failedLookup(mx) || failedLookup(ad) };
}

/**
 * The services to judge the records by. `override` wins per service; the rest are inferred.
 * `get` reads a lookup by plan key (undefined when the shell did not run it, which counts as failed).
 */
export function inferServices(get: Get, override: ServiceOverride = {}): Services {
  const ev: Record<ServiceFlag, Evidence> = {
    mail: mailEvidence(get),
    teams: {
      found:
        hasAnswers(get(KEYS.sipfederation)) ||
        hasAnswers(get(KEYS.sipTls)) ||
        hasCname(get(KEYS.sip)) ||
        hasCname(get(KEYS.lyncdiscover)),
      failed: [KEYS.sipfederation, KEYS.sipTls, KEYS.sip, KEYS.lyncdiscover].some((k) => failedLookup(get(k))),
    },
    intune: evidence([get(KEYS.enterpriseenrollment), get(KEYS.enterpriseregistration)], hasCname),
  };
  const overridden = SERVICE_FLAGS.filter((s) => override[s] !== undefined);
  const uncertain = SERVICE_FLAGS.filter((s) => override[s] === undefined && !ev[s].found && ev[s].failed);
  const value = (s: ServiceFlag): boolean => override[s] ?? (ev[s].found || ev[s].failed);
  return {
    mail: value('mail'),
    teams: value('teams'),
    intune: value('intune'),
    inferred: overridden.length === 0,
    overridden,
    uncertain,
  };
}
