/**
 * The entry of dist/cli.mjs: runs `main` with the process's streams. Ctrl-C (SIGINT) stops starting domains and
 * prints the finished rows (exit code 130); a second Ctrl-C ends at once.
 */
import { EXIT, main } from './main';

const controller = new AbortController();
process.on('SIGINT', () => {
  if (controller.signal.aborted) process.exit(EXIT.interrupted);
  controller.abort();
});
process.stdout.on('error', () => process.exit(EXIT.error)); // a closed pipe (`| head`)

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }, controller.signal)
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(EXIT.error);
  });
