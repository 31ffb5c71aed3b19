/**
 * Row selection in the bulk table: a set of domains (ASCII) that survives filtering and paging, so "select all
 * shown" means every row that passes the filters, not just the page on screen. Pure; every helper returns a new set.
 */

export type Selection = ReadonlySet<string>;

/** `selected` with `domain` added, or removed when it was there. */
export function toggleDomain(selected: Selection, domain: string): Selection {
  const next = new Set(selected);
  if (next.has(domain)) next.delete(domain);
  else next.add(domain);
  return next;
}

/** Selects (`on`) or unselects every domain in `shown`; selected domains outside `shown` stay as they are. */
export function setShown(selected: Selection, shown: readonly string[], on: boolean): Selection {
  const next = new Set(selected);
  for (const domain of shown) {
    if (on) next.add(domain);
    else next.delete(domain);
  }
  return next;
}

export type SelectionSummary = {
  /** Domains selected in all. */
  selected: number;
  /** Selected domains among the shown ones. */
  selectedShown: number;
  /** Selected domains the filters hide. */
  hidden: number;
  /** True when every shown row is selected (and at least one is shown): the header box is ticked. */
  all: boolean;
  /** True when some but not all shown rows are selected: the header box is "mixed". */
  some: boolean;
};

/** What the header checkbox and the "Re-check selected (n)" button show for `shown` rows. */
export function summarizeSelection(selected: Selection, shown: readonly string[]): SelectionSummary {
  let selectedShown = 0;
  for (const domain of shown) if (selected.has(domain)) selectedShown += 1;
  const all = shown.length > 0 && selectedShown === shown.length;
  return {
    selected: selected.size,
    selectedShown,
    hidden: selected.size - selectedShown,
    all,
    some: selectedShown > 0 && !all,
  };
}

/** The selected domains that are still rows of the run, in the rows' order (what a re-check may send). */
export function selectedDomains(selected: Selection, rows: readonly { domain: string }[]): string[] {
  return rows.filter((row) => selected.has(row.domain)).map((row) => row.domain);
}
