/**
 * The part of a catalogue the browser needs. The server renders every finding's text (verdict, impact, action,
 * notes), the cloud notes and the helpdesk note into the report itself, so those templates never run in the
 * page; the root layout sends the rest of the page's one language to the browser as data. Pure.
 */
import type { Catalogue } from './template';

/** Subtrees whose text reaches the page only inside reports, already rendered by the server. */
export const SERVER_RENDERED = [
  'helpdesk',
  'cloud.note',
  'msoid.verdict',
  'msoid.impact',
  'msoid.action',
  'msoid.note',
  'alerts.message',
  'graph.state',
  'graph.note',
  'graph.mx',
  'graph.verification',
  // The list pages are server components: the browser needs only lists.new, .detail, .accept and .saveAsList.
  'lists.nav',
  'lists.page',
  'lists.table',
  'lists.health',
  'lists.trendLabel',
  'lists.changes',
  'lists.kind',
  'lists.count',
  'lists.state',
  'lists.timeline',
] as const;

/** Of `records` (each record's findings, rendered by the server), the page needs only the labels. */
export const RECORDS_FOR_PAGE = ['status', 'health', 'label', 'service'] as const;

function without(catalogue: Catalogue, path: readonly string[]): Catalogue {
  const [head, ...rest] = path;
  if (head === undefined || !Object.hasOwn(catalogue, head)) return catalogue;
  const { [head]: child, ...others } = catalogue;
  if (rest.length === 0) return others;
  return typeof child === 'string' ? catalogue : { ...others, [head]: without(child as Catalogue, rest) };
}

const cache = new WeakMap<Catalogue, Catalogue>();

/** `catalogue` without the templates only the server formats (see SERVER_RENDERED and RECORDS_FOR_PAGE). */
export function pageCatalogue(catalogue: Catalogue): Catalogue {
  const cached = cache.get(catalogue);
  if (cached) return cached;
  let out = catalogue;
  for (const path of SERVER_RENDERED) out = without(out, path.split('.'));
  const records = out.records;
  if (records !== undefined && typeof records !== 'string') {
    const kept = Object.fromEntries(RECORDS_FOR_PAGE.flatMap((key) => (key in records ? [[key, records[key]]] : [])));
    out = { ...out, records: kept as Catalogue };
  }
  cache.set(catalogue, out);
  return out;
}
