import { expect, it } from 'vitest';
import { fromHistory } from './from-history';

it.each([
  ['newly-broken', 'newly_broken'],
  ['fixed', 'fixed'],
  ['changed-value', 'changed'],
  ['still-broken', 'still_broken'],
  ['newly-could-not-check', 'cannot_check'],
  ['still-could-not-check', 'cannot_check'],
  ['unchanged', 'unchanged'],
  ['something-new', 'unchanged'],
])('%s → %s', (kind, change) => {
  const [d] = fromHistory([
    {
      domain: 'a.test',
      kind,
      records: [
        { record: 'mx', kind },
        { record: 'spf', kind: 'unchanged' },
      ],
    },
  ]);
  expect(d?.change).toBe(change);
  expect(d?.records).toEqual(change === 'unchanged' ? undefined : ['mx']);
});
