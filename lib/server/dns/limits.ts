/**
 * How the process divides DNS_MAX_IN_FLIGHT between the threads that send queries: bulk runs keep half of it,
 * split evenly between the main thread and the CHECK_WORKERS check workers, each with a slow lane of half its
 * share; the main thread's own resolver gets the rest, so the whole process stays within DNS_MAX_IN_FLIGHT.
 */
import type { ServerConfig } from '../env';

/** Lookups on the wire at once for each thread that checks bulk domains (each worker, and the main thread). */
export function bulkInFlightPerThread(config: ServerConfig): number {
  return Math.max(1, Math.floor(config.maxInFlight / 2 / (config.checkWorkers + 1)));
}

/** Room in a thread's bulk slow lane: lookups past `slowAfter` wait there, half as many as its share. */
export function bulkSlowLookups(share: number): number {
  return Math.max(1, Math.floor(share / 2));
}

/** DNS_MAX_IN_FLIGHT the check workers hold (their shares and slow lanes together). */
export function workerInFlight(config: ServerConfig): number {
  if (config.checkWorkers === 0) return 0;
  const share = bulkInFlightPerThread(config);
  return config.checkWorkers * (share + bulkSlowLookups(share));
}
