/**
 * The command-line tool (lib/cli, compiled to dist/cli.mjs as the package's `bin`) against the DNS lab: every
 * output format, a list file with bad lines, the exit code of each health level, `--server` against a running
 * app (with and without its token), Ctrl-C in the middle of a list, and hostile DNS data escaped.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HOSTILE_BIDI, HOSTILE_CONTROL } from '../../lab/fixtures-hostile';
import { flushInfra } from '../../lab/unbound';
import { CSV_COLUMNS, parseCsv } from '../../lib/bulk/csv-export';
import { summaryHeader } from '../../lib/bulk/summary';
import { makeTranslator } from '../../lib/client/translator';
import { Report, StreamLine } from '../../lib/schema';
import { type App, repoRoot, startApp } from '../support/app';
import { appEnv } from '../support/app-env';

const resolver = inject('resolver');
const appUrl = inject('appUrl');
const unboundConfig = inject('unboundConfig');
const root = repoRoot();
const cli = join(root, 'dist', 'cli.mjs');
const TOKEN = 'Zq8vN2xR4tL7pW1mK9sD3fG6hJ0bC5yE';

type Run = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** Runs the compiled CLI with the lab's settings (plus `env`); `onStdout` sees the output so far. */
function runCli(
  args: string[],
  options: { env?: Record<string, string>; onStdout?: (text: string, child: ChildProcess) => void } = {},
): Promise<Run> {
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: tmp,
    env: { ...process.env, ...appEnv(resolver), AUTHORITATIVE: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    options.onStdout?.(stdout, child);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

function ndjson(text: string) {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => StreamLine.parse(JSON.parse(line)));
}

/** Raw terminal-active characters: C0 controls but tab and LF, DEL, C1, bidi overrides and isolates. */
const RAW_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'm365-cli-'));
  // The test runs the compiled tool, built from the current source (as `npm install`'s prepare does).
  const build = await new Promise<number | null>((resolve) =>
    spawn(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' }).on('close', resolve),
  );
  expect(build).toBe(0);
  await flushInfra(unboundConfig);
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('one domain, every output format', () => {
  it('table: verdict, impact and the fix in the host notation; exit 1 (needs attention)', async () => {
    const run = await runCli(['check', 'ok-ww.test']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^ok-ww\.test {2}Needs attention\n/);
    expect(run.stdout).toContain('Impact: ');
    expect(run.stdout).toMatch(/→ Fix: Add DMARC \(TXT\): Type: TXT · Host name: _dmarc/);
  });

  it('--lang zh-CN: the table in Chinese', async () => {
    const run = await runCli(['check', 'ok-ww.test', '--lang', 'zh-CN']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('影响：');
    expect(run.stdout).toContain('修复：');
  });

  it('--json: the API report', async () => {
    const run = await runCli(['check', 'ok-ww.test', '--json', '--cloud', 'worldwide']);
    expect(run.code, run.stderr).toBe(1);
    const report = Report.parse(JSON.parse(run.stdout));
    expect(report.domain).toBe('ok-ww.test');
    expect(report.cloud.selected).toBe('worldwide');
    expect(report.summary.health).toBe('needs-attention');
  });

  it('--ndjson: the POST /api/check lines', async () => {
    const run = await runCli(['check', 'ok-ww.test', '--ndjson']);
    expect(run.code).toBe(1);
    const lines = ndjson(run.stdout);
    expect(lines.map((l) => l.type)).toEqual(['report', 'done']);
    expect(lines[1]).toMatchObject({ type: 'done', checked: 1, invalid: 0 });
  });

  it('--csv: the bulk summary columns, one row; --csv=records: the full export', async () => {
    const [summary, records] = await Promise.all([
      runCli(['check', 'ok-ww.test', '--csv']),
      runCli(['check', 'ok-ww.test', '--csv=records']),
    ]);
    const rows = parseCsv(summary.stdout.replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(summaryHeader([], makeTranslator('en', { timeZone: 'UTC' }).t));
    expect(rows.slice(1).filter((r) => r.length > 1)).toHaveLength(1);
    expect(rows[1]?.slice(0, 3)).toEqual(['1', 'ok-ww.test', 'Needs attention']);
    const full = parseCsv(records.stdout.replace(/^\uFEFF/, ''));
    expect(full[0]).toEqual([...CSV_COLUMNS]);
    expect(full.slice(1).every((r) => r.length === 1 || r[0] === 'ok-ww.test')).toBe(true);
    expect(full.length).toBeGreaterThan(5);
  });
});

describe('lists and bad input', () => {
  it('a .txt list with bad lines: each named with its line, the good ones checked, exit 4', async () => {
    const file = join(tmp, 'list.txt');
    writeFileSync(file, 'healthy-ww.test\nexample..com\nok-ww.test\n\n-bad-.test\n');
    const run = await runCli(['check', '--file', file, '--ndjson']);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/Line 2: “example\.\.com” was not checked/);
    expect(run.stderr).toMatch(/Line 5: “-bad-\.test” was not checked/);
    const lines = ndjson(run.stdout);
    expect(lines.filter((l) => l.type === 'invalid').map((l) => l.type === 'invalid' && l.line)).toEqual([2, 5]);
    expect(lines.flatMap((l) => (l.type === 'report' ? [l.domain] : [])).sort()).toEqual([
      'healthy-ww.test',
      'ok-ww.test',
    ]);
  });

  it('a .csv list with --column name: summary rows at their spreadsheet lines', async () => {
    const file = join(tmp, 'list.csv');
    writeFileSync(file, 'owner,domain\nAnn,healthy-ww.test\nBob,not a domain\n');
    const run = await runCli(['check', '--file', file, '--column', 'domain', '--csv']);
    expect(run.code).toBe(4);
    const rows = parseCsv(run.stdout.replace(/^\uFEFF/, '')).filter((r) => r.length > 1);
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['2', 'healthy-ww.test', 'Healthy'],
      ['3', 'not a domain', 'Not checked: not a domain we can check'],
    ]);
  });

  it('bad input (an unknown option or cloud, no domain, a missing file): exit 4 with a message', async () => {
    const runs = await Promise.all(
      [
        ['check', 'ok-ww.test', '--nope'],
        ['check', 'ok-ww.test', '--cloud', 'mars'],
        ['check'],
        ['check', '--file', '/nonexistent/list.txt'],
      ].map((args) => runCli(args)),
    );
    for (const run of runs) {
      expect(run.code).toBe(4);
      expect(run.stderr.length).toBeGreaterThan(0);
      expect(run.stdout).toBe('');
    }
  });
});

describe('exit codes per health level', () => {
  it('healthy 0, needs attention 1, broken 2, could not check 3', async () => {
    const cases = [
      ['healthy-ww.test', 0],
      ['ok-ww.test', 1],
      ['remove-ww.test', 2],
      ['servfail.test', 3],
    ] as const;
    const runs = await Promise.all(cases.map(([domain]) => runCli(['check', domain, '--ndjson'])));
    expect(runs.map((r) => r.code)).toEqual(cases.map(([, code]) => code));
  });

  it('a list takes the worst: broken over could-not-check over needs attention', async () => {
    const run = await runCli(['check', 'healthy-ww.test', 'ok-ww.test', 'servfail.test', 'remove-ww.test', '--ndjson']);
    expect(run.code).toBe(2);
  });
});

describe('--server', () => {
  let locked: App;
  beforeAll(async () => {
    locked = await startApp({ ...appEnv(resolver), ACCESS_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await locked?.stop();
  });

  it('sends the list to a running app and prints its reports', async () => {
    const run = await runCli(['check', 'healthy-ww.test', 'remove-ww.test', '--server', appUrl, '--ndjson'], {
      env: { DNS_SERVERS: '127.0.0.1:9' }, // the CLI's own resolver is never asked
    });
    expect(run.code, run.stderr).toBe(2);
    expect(
      ndjson(run.stdout)
        .flatMap((l) => (l.type === 'report' ? [l.summary.health] : []))
        .sort(),
    ).toEqual(['broken', 'healthy']);
  });

  it('without the token: the server refuses, exit 5; with it (--token or M365_TOKEN): checked', async () => {
    const [refused, withFlag, withEnv] = await Promise.all([
      runCli(['check', 'healthy-ww.test', '--server', locked.url]),
      runCli(['check', 'healthy-ww.test', '--server', locked.url, '--token', TOKEN]),
      runCli(['check', 'healthy-ww.test', '--server', locked.url, '--json'], { env: { M365_TOKEN: TOKEN } }),
    ]);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain('401');
    expect(refused.stdout).toBe('');
    expect(withFlag.code, withFlag.stderr).toBe(0);
    expect(withFlag.stdout).toMatch(/^healthy-ww\.test {2}Healthy/);
    expect(Report.parse(JSON.parse(withEnv.stdout)).summary.health).toBe('healthy');
  });
});

describe('Ctrl-C', () => {
  it('SIGINT mid-list: the finished rows are printed, exit 130', async () => {
    // One at a time: the two fast domains finish, then the dropped ones wait out their timeouts.
    const domains = ['healthy-ww.test', 'ok-ww.test', 'a.drop.test', 'b.drop.test', 'c.drop.test'];
    let sent = false;
    const run = await runCli(['check', ...domains, '--ndjson'], {
      env: { BULK_CONCURRENCY: '1', DNS_TIMEOUT_MS: '3000' },
      onStdout: (text, child) => {
        if (!sent && text.split('\n').filter((l) => l.startsWith('{"type":"report"')).length === 2) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expect(run.code).toBe(130);
    const lines = ndjson(run.stdout);
    expect(lines.map((l) => (l.type === 'report' ? l.domain : l.type))).toEqual(['healthy-ww.test', 'ok-ww.test']);
    expect(run.stderr).toMatch(/Interrupted: 2 of 5 checked/);
  });
});

describe('hostile DNS data', () => {
  it('is printed escaped in every format, and kept exactly in the JSON value', async () => {
    const [table, json, ndjsonRun] = await Promise.all([
      runCli(['check', 'hostile.test']),
      runCli(['check', 'hostile.test', '--json']),
      runCli(['check', 'hostile.test', '--ndjson']),
    ]);
    for (const run of [table, json, ndjsonRun]) {
      expect(run.code, run.stderr).toBe(2);
      expect(run.stdout).not.toMatch(RAW_UNSAFE);
    }
    // The msoid target and the SRV target carry U+202E: shown as its escape.
    expect(table.stdout).toContain('</script>\\u202elve.hostile.test');
    // The TXT records: the escape sequence, CR LF and the override are JSON escapes, and parse back exactly.
    expect(json.stdout).toContain('ctl:\\u001b[31mred\\u001b[0m\\r\\nforged-line');
    expect(json.stdout).toContain('invoice\\u202etxt.exe');
    const answers = Report.parse(JSON.parse(json.stdout)).lookups['hostile.test TXT']?.answers ?? [];
    expect(answers.map((a) => a.data)).toEqual(expect.arrayContaining([HOSTILE_CONTROL, HOSTILE_BIDI]));
  });
});
