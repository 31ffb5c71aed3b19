/**
 * Linux process facts for the bench: which process listens on a TCP port (the real next-server, not the
 * `next start` launcher), its peak resident memory (VmHWM, resettable through clear_refs), its CPU time.
 */
import { readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';

/** Inodes of sockets listening on TCP `port` (IPv4 and IPv6). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // cols: sl local_address rem_address st … inode (index 9); st 0A = LISTEN
      if (cols.length > 9 && cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A') inodes.add(cols[9]!);
    }
  }
  return inodes;
}

/** PID of the process that holds the listening socket of TCP `port`, or undefined. */
export function pidListeningOn(port: number): number | undefined {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return undefined;
  const wanted = new Set([...inodes].map((i) => `socket:[${i}]`));
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (wanted.has(readlinkSync(`/proc/${entry}/fd/${fd}`))) return Number(entry);
      } catch {
        // fd closed meanwhile
      }
    }
  }
  return undefined;
}

function statusField(pid: number, field: string): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Peak resident set size (VmHWM) of `pid` in MB. */
export function peakRssMb(pid: number): number | undefined {
  const kb = statusField(pid, 'VmHWM');
  return kb === undefined ? undefined : kb / 1024;
}

/** Current resident set size (VmRSS) of `pid` in MB. */
export function rssMb(pid: number): number | undefined {
  const kb = statusField(pid, 'VmRSS');
  return kb === undefined ? undefined : kb / 1024;
}

/** Resets the peak RSS of `pid` to its current RSS (writes 5 to clear_refs). False when not allowed. */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** User + system CPU time of `pid` in milliseconds (from /proc/<pid>/stat, assuming 100 ticks/s). */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // after the command: state(0) ppid(1) … utime(11) stime(12)
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** PID of the process whose command is `command` and that runs with config `configFile` as an argument. */
export function pidWithArg(command: string, arg: string): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (argv[0]?.endsWith(command) && argv.includes(arg)) return Number(entry);
    } catch {
      // gone
    }
  }
  return undefined;
}

/** The system-wide count of UDP datagrams dropped for a full receive buffer (RcvbufErrors in /proc/net/snmp). */
export function udpReceiveDrops(): number {
  try {
    const lines = readFileSync('/proc/net/snmp', 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('Udp:'));
    const names = lines[0]?.split(/\s+/) ?? [];
    const values = lines[1]?.split(/\s+/) ?? [];
    return Number(values[names.indexOf('RcvbufErrors')] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}

/**
 * The RSS of `pid` once it has been idle for a while: the minimum of samples every 500 ms over `ms`
 * (V8 gives memory back some seconds after the last allocation burst).
 */
export async function settledRssMb(pid: number, ms = 10_000): Promise<number> {
  let least = Number.POSITIVE_INFINITY;
  for (let waited = 0; waited <= ms; waited += 500) {
    const now = rssMb(pid);
    if (now !== undefined) least = Math.min(least, now);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return Number.isFinite(least) ? least : Number.NaN;
}
