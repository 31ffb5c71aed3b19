import { describe, expect, test } from 'vitest';
import { selectedDomains, setShown, summarizeSelection, toggleDomain } from './selection';

const sorted = (set: ReadonlySet<string>) => [...set].sort();

describe('toggleDomain', () => {
  test.each([
    { label: 'adds a domain', from: [], domain: 'a.test', want: ['a.test'] },
    { label: 'removes a selected domain', from: ['a.test', 'b.test'], domain: 'a.test', want: ['b.test'] },
  ])('$label', ({ from, domain, want }) => {
    const before = new Set(from);
    expect(sorted(toggleDomain(before, domain))).toEqual(want);
    expect(sorted(before)).toEqual([...from].sort());
  });
});

describe('setShown', () => {
  test.each([
    {
      label: 'select all shown keeps selected rows hidden by the filters',
      from: ['z.test'],
      shown: ['a.test', 'b.test'],
      on: true,
      want: ['a.test', 'b.test', 'z.test'],
    },
    {
      label: 'unselect all shown leaves hidden ones selected',
      from: ['a.test', 'z.test'],
      shown: ['a.test', 'b.test'],
      on: false,
      want: ['z.test'],
    },
    { label: 'nothing shown changes nothing', from: ['a.test'], shown: [], on: true, want: ['a.test'] },
  ])('$label', ({ from, shown, on, want }) => {
    expect(sorted(setShown(new Set(from), shown, on))).toEqual(want);
  });
});

describe('summarizeSelection', () => {
  test.each([
    {
      label: 'nothing selected',
      selected: [],
      shown: ['a.test', 'b.test'],
      want: { selected: 0, selectedShown: 0, hidden: 0, all: false, some: false },
    },
    {
      label: 'some shown selected: mixed',
      selected: ['a.test'],
      shown: ['a.test', 'b.test'],
      want: { selected: 1, selectedShown: 1, hidden: 0, all: false, some: true },
    },
    {
      label: 'all shown selected, one more hidden by the filters',
      selected: ['a.test', 'b.test', 'z.test'],
      shown: ['a.test', 'b.test'],
      want: { selected: 3, selectedShown: 2, hidden: 1, all: true, some: false },
    },
    {
      label: 'no rows shown is never "all"',
      selected: ['z.test'],
      shown: [],
      want: { selected: 1, selectedShown: 0, hidden: 1, all: false, some: false },
    },
  ])('$label', ({ selected, shown, want }) => {
    expect(summarizeSelection(new Set(selected), shown)).toEqual(want);
  });
});

test('selectedDomains keeps the rows order and drops domains that are not rows', () => {
  const rows = [{ domain: 'c.test' }, { domain: 'a.test' }, { domain: 'b.test' }];
  expect(selectedDomains(new Set(['b.test', 'gone.test', 'c.test']), rows)).toEqual(['c.test', 'b.test']);
});
