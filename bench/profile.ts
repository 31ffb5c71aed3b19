/**
 * CPU profiles of the app server. Node refuses `--cpu-prof` in NODE_OPTIONS, so the app gets a
 * `--require` preload that starts the V8 profiler in every Node process of `next start` and writes
 * `<pid>.cpuprofile` into the profile directory when the process receives SIGUSR2.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PRELOAD = `
const inspector = require('node:inspector');
const fs = require('node:fs');
const path = require('node:path');
const dir = process.env.BENCH_CPU_PROF_DIR;
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 200 });
session.post('Profiler.start');
process.on('SIGUSR2', () => {
  session.post('Profiler.stop', (error, result) => {
    if (!error) fs.writeFileSync(path.join(dir, process.pid + '.cpuprofile'), JSON.stringify(result.profile));
    session.post('Profiler.start');
  });
});
`;

/** Writes the preload into `workDir` and returns the env that makes the app load it. */
export function profilingEnv(workDir: string, profileDir: string): Record<string, string> {
  const file = join(workDir, 'cpu-profile-preload.cjs');
  writeFileSync(file, PRELOAD);
  return { NODE_OPTIONS: `--require ${file}`, BENCH_CPU_PROF_DIR: profileDir };
}

/** Asks `pid` to write its profile and waits (up to 10 s) for the file; returns its path. */
export async function collectProfile(pid: number, profileDir: string): Promise<string | undefined> {
  const file = join(profileDir, `${pid}.cpuprofile`);
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  return existsSync(file) ? file : undefined;
}

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
};

/** The `top` functions by self time in a .cpuprofile, as `percent  function (file:line)` lines. */
export function topSelfTime(profile: { nodes: Node[]; samples?: number[] }, top = 25): string[] {
  const self = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    total += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} (${url.replace(/^.*\/(node_modules|\.next)\//, '$1/')}:${lineNumber + 1})`;
    self.set(key, (self.get(key) ?? 0) + hits);
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, hits]) => `${((hits / Math.max(1, total)) * 100).toFixed(1).padStart(5)}%  ${key}`);
}
