import { describe, expect, test } from 'vitest';
import { type Admission, createFollowerRegistry } from './followers';

const limits = { perRun: 3, perClient: 2 };

const slot = (admission: Admission) => {
  if (!admission.ok) throw new Error(`refused: ${admission.over}`);
  return admission;
};

describe('follower registry', () => {
  test('a client gets its cap of followers, then is refused; other clients are counted apart', () => {
    const followers = createFollowerRegistry();
    slot(followers.admit('r1', 'a', limits));
    slot(followers.admit('r2', 'a', limits));
    expect(followers.admit('r3', 'a', limits)).toEqual({ ok: false, over: 'client', limit: 2 });
    expect(followers.admit('r1', 'b', limits).ok).toBe(true);
    expect(followers.ofClient('a')).toBe(2);
    expect(followers.ofClient('b')).toBe(1);
  });

  test('a run gets its cap of followers over every client, then is refused; other runs are counted apart', () => {
    const followers = createFollowerRegistry();
    for (const client of ['a', 'b', 'c']) slot(followers.admit('r1', client, limits));
    expect(followers.admit('r1', 'd', limits)).toEqual({ ok: false, over: 'run', limit: 3 });
    expect(followers.admit('r2', 'd', limits).ok).toBe(true);
    expect(followers.ofRun('r1')).toBe(3);
  });

  test('a refusal takes no slot', () => {
    const followers = createFollowerRegistry();
    for (const client of ['a', 'b', 'c']) slot(followers.admit('r1', client, limits));
    followers.admit('r1', 'd', limits);
    expect(followers.ofClient('d')).toBe(0);
    expect(followers.ofRun('r1')).toBe(3);
  });

  test('release gives the slot back once, to the run and the client; a second release changes nothing', () => {
    const followers = createFollowerRegistry();
    const first = slot(followers.admit('r1', 'a', limits));
    const second = slot(followers.admit('r1', 'a', limits));
    expect(followers.admit('r1', 'a', limits).ok).toBe(false);
    first.release();
    first.release();
    expect(followers.ofClient('a')).toBe(1);
    expect(followers.ofRun('r1')).toBe(1);
    const third = slot(followers.admit('r1', 'a', limits));
    second.release();
    third.release();
    expect(followers.ofClient('a')).toBe(0);
    expect(followers.ofRun('r1')).toBe(0);
  });
});
