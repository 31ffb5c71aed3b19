/**
 * Whether a run's rows show their dates: when they were checked on more than one day, or on a day that is not
 * today, every row shows its date (not only the rows of other days, which reads as if the rest had none). Days are
 * the reader's (`day` is the translator's, in their time zone). Pure.
 */
export function rowsNeedDates(
  checkedAts: Iterable<string>,
  day: (iso: string) => string,
  now: Date = new Date(),
): boolean {
  const today = day(now.toISOString());
  for (const iso of checkedAts) if (day(iso) !== today) return true;
  return false;
}
