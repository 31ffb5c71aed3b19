/**
 * Vitest globalSetup of the integration project: starts the DNS lab (nsd + unbound + fake server),
 * one production app pointed at unbound and one throwaway PostgreSQL cluster, hands their addresses
 * to the tests (`inject`; a test file gets a database of its own from `freshDatabase()` in
 * ./postgres), and stops everything in teardown.
 */
import type { TestProject } from 'vitest/node';
import { bulkZones, fakeZones, labZones } from '../../lab/fixtures';
import { type Lab, startLab } from '../../lab/lab';
import { type Postgres, startPostgres } from '../../lab/postgres';
import { type App, startApp } from './app';
import { appEnv } from './app-env';

/** How many bulk domains the lab serves for the 100-domain benchmark. */
export const BULK_COUNT = 100;

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the app under test, e.g. `http://127.0.0.1:41234`. */
    appUrl: string;
    /** `127.0.0.1:port` of the lab's unbound. */
    resolver: string;
    /** unbound.conf of the lab, for `flushInfra(unboundConfig)` from lab/unbound. */
    unboundConfig: string;
    /** Number of `bulk-NNNN.test` domains the lab serves. */
    bulkCount: number;
    /**
     * Superuser URL of the run's PostgreSQL cluster (maintenance database `postgres`). Tests take a database of
     * their own with `freshDatabase()` from ./postgres; a test that stops the server starts a cluster of its own.
     */
    postgresUrl: string;
  }
}

/** Starts lab + app; returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let lab: Lab | undefined;
  let app: App | undefined;
  let postgres: Postgres | undefined;
  try {
    lab = await startLab({ zones: [...labZones(), ...bulkZones(BULK_COUNT)], fakeZones: fakeZones() });
    postgres = await startPostgres();
    app = await startApp(appEnv(lab.resolver));
  } catch (error) {
    await postgres?.stop();
    await lab?.stop();
    throw error;
  }
  project.provide('appUrl', app.url);
  project.provide('resolver', lab.resolver);
  project.provide('unboundConfig', lab.unboundConfig);
  project.provide('bulkCount', BULK_COUNT);
  project.provide('postgresUrl', postgres.url);
  const started = { lab, app, postgres };
  return async () => {
    await started.app.stop();
    await started.postgres.stop();
    await started.lab.stop();
  };
}
