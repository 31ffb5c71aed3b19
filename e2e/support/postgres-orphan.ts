/**
 * For postgres-harness.test.ts: starts a throwaway cluster, prints `{"pid":…,"dir":…,"parent":…}` on one line and then either
 * exits without stopping it (`exit`: a test run that crashes) or waits to be killed (`wait`: SIGKILL from a CI
 * timeout). Either way the cluster must not outlive this process.
 */
import { startPostgres } from '../../lab/postgres';

async function main(): Promise<void> {
  const mode = process.argv[2];
  const postgres = await startPostgres();
  process.stdout.write(`${JSON.stringify({ pid: postgres.pid, dir: postgres.dir, parent: process.pid })}\n`);
  if (mode === 'exit') process.exit(3);
  setInterval(() => {}, 60_000);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
