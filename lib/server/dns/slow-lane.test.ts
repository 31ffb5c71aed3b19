import { describe, expect, test } from 'vitest';
import { createSlowLane } from './slow-lane';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('slow lane', () => {
  test('work still running after slowAfterMs is demoted once; done says so', async () => {
    const lane = createSlowLane({ slowAfterMs: 20, maxSlow: 5 });
    let demoted = 0;
    const quick = lane.watch(() => demoted++);
    expect(quick()).toBe(false);
    const slow = lane.watch(() => demoted++);
    await wait(60);
    expect(demoted).toBe(1);
    expect(lane.slow()).toBe(1);
    expect(slow()).toBe(true);
    expect(slow()).toBe(true);
    expect(lane.slow()).toBe(0);
  });

  test('the lane is bounded: past maxSlow, slow work keeps its slot', async () => {
    const lane = createSlowLane({ slowAfterMs: 10, maxSlow: 2 });
    const demoted: number[] = [];
    const dones = [0, 1, 2].map((i) => lane.watch(() => demoted.push(i)));
    await wait(50);
    expect(demoted).toEqual([0, 1]);
    expect(dones.map((done) => done())).toEqual([true, true, false]);
  });

  test('a slot freed in the lane lets the next slow item in', async () => {
    const lane = createSlowLane({ slowAfterMs: 10, maxSlow: 1 });
    const demoted: number[] = [];
    const first = lane.watch(() => demoted.push(1));
    const second = lane.watch(() => demoted.push(2));
    await wait(40);
    expect(demoted).toEqual([1]);
    first();
    await wait(40);
    expect(demoted).toEqual([1, 2]);
    expect(second()).toBe(true);
  });
});
