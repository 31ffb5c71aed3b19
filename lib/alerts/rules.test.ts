import { describe, expect, it } from 'vitest';
import { emptyCounts, renderAlert } from './message';
import { slackPayload, teamsPayload } from './payloads';
import { type DomainChange, nextStreaks, type Streak, triggering } from './rules';

const changes: DomainChange[] = [
  { domain: 'a.test', change: 'fixed' },
  { domain: 'b.test', change: 'newly_broken', records: ['MX'] },
  { domain: 'c.test', change: 'cannot_check' },
  { domain: 'd.test', change: 'changed' },
  { domain: 'e.test', change: 'unchanged' },
];

describe('triggering', () => {
  it.each([
    ['newly_broken', ['b.test']],
    ['any_change', ['b.test', 'd.test', 'a.test']],
    ['fixed', ['a.test']],
  ] as const)('%s', (on, domains) => {
    expect(triggering(changes, on).map((c) => c.domain)).toEqual(domains);
  });

  it('could not check alone never alerts', () => {
    const only: DomainChange[] = [{ domain: 'c.test', change: 'cannot_check' }];
    for (const on of ['newly_broken', 'any_change', 'fixed'] as const) expect(triggering(only, on)).toEqual([]);
  });
});

describe('nextStreaks', () => {
  it('alerts once after 3 consecutive runs, and forgets a domain checked again', () => {
    let streaks = new Map<string, Streak>();
    const alerts: string[][] = [];
    const run = (cannot: string[]) => {
      const r = nextStreaks(
        streaks,
        cannot.map((domain) => ({ domain, change: 'cannot_check' as const })),
        3,
      );
      streaks = r.streaks;
      alerts.push(r.alert);
    };
    run(['x.test', 'y.test']);
    run(['x.test']); // y.test checked again: its streak ends
    run(['x.test', 'y.test']);
    run(['x.test', 'y.test']);
    run(['x.test', 'y.test']);
    expect(alerts).toEqual([[], [], ['x.test'], [], ['y.test']]);
  });
});

describe('payloads', () => {
  const digest = renderAlert(
    {
      kind: 'digest',
      list: { id: 'l1', name: 'Contoso' },
      runId: 'r1',
      counts: { ...emptyCounts(), fixed: 3, newly_broken: 1, unchanged: 296 },
      domains: [{ domain: 'b.test', change: 'newly_broken', records: ['MX'] }],
    },
    'en',
  );
  it('renders the digest in both languages', () => {
    expect(digest.summary).toBe('3 fixed, 1 newly broken, 0 changed, 0 still broken, 296 unchanged.');
    expect(digest.lines).toEqual(['b.test: newly broken (MX)']);
    const zh = renderAlert({ kind: 'test' }, 'zh-CN');
    expect(zh.title).toContain('测试');
  });
  it('wraps an Adaptive Card in a Workflows message', () => {
    const p = teamsPayload(digest);
    expect(p.type).toBe('message');
    expect(p.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(p.attachments[0]?.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
  });
  it('escapes Slack mrkdwn', () => {
    const p = slackPayload({ title: 't', summary: 'a <b> & c', lines: [], more: null, link: null });
    expect(JSON.stringify(p.blocks)).toContain('a &lt;b&gt; &amp; c');
  });
});
