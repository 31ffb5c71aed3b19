/** The cloud and the msoid finding of one domain, from the msoid snapshot. Pure. */

import type { Snapshot } from '@/lib/lookups/snapshot';
import { type CloudChoice, type CloudReport, isAnswered, type MessageRef, type MsoidFinding } from '@/lib/schema';
import { cloudNotes, inferCloud } from './cloud';
import { diagnoseMsoid } from './msoid/msoid';

export type CloudAndMsoid = { cloud: CloudReport; msoid: MsoidFinding; notes: MessageRef[] };

/**
 * The whole pure diagnosis of one domain: cloud + msoid + domain notes. Cloud notes are left out
 * when the apex lookup failed or the domain does not exist: the msoid finding already says so, and
 * a "cloud unknown" note would only repeat it. (The subdomain note is the check service's.)
 */
export function diagnoseCloudAndMsoid(snapshot: Snapshot, selected: CloudChoice): CloudAndMsoid {
  const cloud = inferCloud(snapshot, selected);
  const msoid = diagnoseMsoid(snapshot, cloud);
  const apexUsable = isAnswered(snapshot.apex.outcome) && snapshot.apex.outcome !== 'nxdomain';
  return { cloud, msoid, notes: apexUsable ? cloudNotes(cloud, snapshot) : [] };
}
