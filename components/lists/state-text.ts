/** A record's state in a run as the changes page and the timeline say it. */
type State = { status: string; value: string };

/**
 * "needs attention: 0 filter.contoso.com" — the status in words, then the value it had, set apart so the two don't
 * run together ("needs attention 0 filter…"); the status alone when the record had no value.
 */
export function stateText(t: (code: string, params?: Record<string, string>) => string, state: State): string {
  const status = t(`lists.state.${state.status}`);
  return state.value === '' ? status : t('lists.changes.stateValue', { status, value: state.value });
}
