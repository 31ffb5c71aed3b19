import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { bulkInFlightPerThread, workerInFlight } from './dns/limits';
import { parseConfig } from './env';

const base = { DNS_SERVERS: '127.0.0.1:53' };

describe('CHECK_WORKERS', () => {
  it('auto is one worker per CPU beyond the first, at most 4', () => {
    expect(parseConfig(base).checkWorkers).toBe(Math.max(0, Math.min(4, availableParallelism() - 1)));
    expect(parseConfig({ ...base, CHECK_WORKERS: 'auto' }).checkWorkers).toBe(parseConfig(base).checkWorkers);
  });

  it.each([
    ['0', 0],
    ['3', 3],
    ['16', 16],
  ])('%s is taken as given', (value, workers) => {
    expect(parseConfig({ ...base, CHECK_WORKERS: value }).checkWorkers).toBe(workers);
  });

  it.each(['-1', '17', 'two', '1.5'])('%s stops start-up with the variable named', (value) => {
    expect(() => parseConfig({ ...base, CHECK_WORKERS: value })).toThrow(/CHECK_WORKERS/);
  });

  it.each([
    [256, 0, 128, 0],
    [256, 1, 64, 96],
    [256, 3, 32, 144],
    [4, 1, 1, 2],
  ])(
    'DNS_MAX_IN_FLIGHT %i with %i workers: %i per bulk thread, %i held by the workers',
    (max, workers, share, held) => {
      const config = parseConfig({ ...base, DNS_MAX_IN_FLIGHT: String(max), CHECK_WORKERS: String(workers) });
      expect(bulkInFlightPerThread(config)).toBe(share);
      expect(workerInFlight(config)).toBe(held);
    },
  );
});
