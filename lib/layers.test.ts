/**
 * The layers, checked by walking every import of the source tree:
 * - components and pages never import lib/server (pages read the server through lib/data);
 * - the pure folders import nothing from `node:` (or a Node built-in) and nothing from lib/server or lib/data;
 * - only lib/server/dns imports the DNS socket modules (`node:dgram`, `node:net`, `dns-packet`);
 * - no import cycle, type-only imports included.
 * A planted violation of each rule must be caught (the last tests), so the check can't pass by doing nothing.
 */

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const TOP = ['app', 'components', 'lib', 'proxy.ts', 'instrumentation.ts'];

/** Folders (and files) of the pure core: browser-safe, no I/O. */
const PURE = [
  'lib/input/',
  'lib/lookups/',
  'lib/findings/',
  'lib/fixes/',
  'lib/report/',
  'lib/messages/',
  'lib/bulk/',
  'lib/client/',
  'lib/share/',
  'lib/history/',
  'lib/schema-lists.ts',
  'lib/schema.ts',
  'lib/schema-values.ts',
  'lib/facts.ts',
  'lib/presentation.ts',
];
const SOCKETS = new Set(['node:dgram', 'dgram', 'node:net', 'net', 'dns-packet']);
const BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

type Graph = Map<string, string[]>;

function walk(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return /\.(ts|tsx|mjs)$/.test(path) ? [path] : [];
  return readdirSync(path).flatMap((name) =>
    name === 'node_modules' || name.startsWith('.') ? [] : walk(join(path, name)),
  );
}

const SPECIFIER =
  /(?:^|[^\w.])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*\(?\s*['"]([^'"]+)['"]|new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/gm;

function resolve(spec: string, from: string): string {
  if (!spec.startsWith('.') && !spec.startsWith('@/')) return spec;
  const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : join(dirname(from), spec);
  for (const suffix of ['', '.ts', '.tsx', '.mjs', '/index.ts', '/index.tsx']) {
    const candidate = normalize(base + suffix);
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(ROOT, candidate);
  }
  return relative(ROOT, base);
}

/** Every source file (tests excluded) with the modules it imports: repo paths for ours, names for packages. */
function importGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of TOP.flatMap((t) => walk(join(ROOT, t)))) {
    if (/\.test\.tsx?$/.test(file) || file.endsWith('test-fixtures.ts')) continue;
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(SPECIFIER)].map((m) => (m[1] ?? m[2] ?? m[3]) as string);
    graph.set(relative(ROOT, file), [...new Set(specs.map((s) => resolve(s, file)))]);
  }
  return graph;
}

const isPure = (file: string) => PURE.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p));
const isUi = (file: string) =>
  file.startsWith('components/') || (file.startsWith('app/') && !file.endsWith('route.ts'));

/** The layer rules broken in `graph`, one line each. */
function violations(graph: Graph): string[] {
  const out: string[] = [];
  for (const [file, imports] of graph) {
    for (const target of imports) {
      if (isUi(file) && target.startsWith('lib/server/')) out.push(`${file} (a page or component) imports ${target}`);
      if (
        isPure(file) &&
        (BUILTINS.has(target) ||
          target.startsWith('node:') ||
          target.startsWith('lib/server/') ||
          target.startsWith('lib/data/'))
      ) {
        out.push(`${file} (pure) imports ${target}`);
      }
      if (SOCKETS.has(target) && !file.startsWith('lib/server/dns/'))
        out.push(`${file} imports ${target} outside lib/server/dns`);
    }
  }
  return [...out, ...cycles(graph).map((c) => `import cycle: ${c.join(' → ')}`)];
}

/** Every import cycle among our own files (Tarjan's strongly connected components of two or more files). */
function cycles(graph: Graph): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) as number, idx.get(w) as number));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      for (;;) {
        const w = stack.pop() as string;
        on.delete(w);
        component.push(w);
        if (w === v) break;
      }
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe('layers', () => {
  const graph = importGraph();

  it('reads the whole tree', () => {
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get('lib/server/check.ts')).toContain('lib/findings/diagnose.ts');
    expect(graph.get('lib/server/workers/pool.ts')).toContain('lib/server/workers/check-worker.ts');
  });

  it('holds: no page or component imports lib/server, the core is pure, sockets stay in lib/server/dns, no cycles', () => {
    expect(violations(graph)).toEqual([]);
  });

  it('catches a page that imports lib/server', () => {
    const planted = new Map(graph).set('app/page.tsx', ['lib/server/env.ts']);
    expect(violations(planted)).toContain('app/page.tsx (a page or component) imports lib/server/env.ts');
  });

  it('catches a pure module that imports node: or lib/server', () => {
    const planted = new Map(graph).set('lib/findings/typo.ts', ['node:fs', 'lib/server/log.ts']);
    expect(violations(planted)).toEqual([
      'lib/findings/typo.ts (pure) imports node:fs',
      'lib/findings/typo.ts (pure) imports lib/server/log.ts',
    ]);
  });

  it('catches a socket outside lib/server/dns', () => {
    const planted = new Map(graph).set('lib/server/check.ts', ['node:dgram']);
    expect(violations(planted)).toEqual(['lib/server/check.ts imports node:dgram outside lib/server/dns']);
  });

  it('catches a cycle', () => {
    const planted = new Map(graph);
    planted.set('lib/server/dns/process.ts', [
      ...(graph.get('lib/server/dns/process.ts') ?? []),
      'lib/server/check.ts',
    ]);
    expect(violations(planted).some((v) => v.startsWith('import cycle:') && v.includes('lib/server/check.ts'))).toBe(
      true,
    );
  });
});
