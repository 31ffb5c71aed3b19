/**
 * docs/m365-dns-facts.md is the product's source record: every catalogue entry names a section of it, code comments
 * cite it by path and section, and no citation points outside the repository.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACT_IDS } from './facts';
import { CATALOGUES } from './findings/catalogue';
import { HOSTS } from './fixes/hosts/catalogue';

const ROOT = join(__dirname, '..');
const DOC = readFileSync(join(ROOT, 'docs/m365-dns-facts.md'), 'utf8');
const HEADINGS = [...DOC.matchAll(/^#{2,3} \[([a-z0-9-]+)\]/gm)].map((m) => m[1] as string);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.') || name === 'results') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs)$/.test(name) ? [path] : [];
  });
}
/** Every source file except this test, whose patterns and examples would match themselves. */
const FILES = ['lib', 'components', 'app', 'lab', 'e2e', 'bench', 'scripts', 'proxy.ts']
  .flatMap((d) => {
    const path = join(ROOT, d);
    return statSync(path).isDirectory() ? sourceFiles(path) : [path];
  })
  .filter((f) => f !== __filename);

/**
 * Repository paths (`lib/…`, `components/…`, …) a text names that don't exist. A path counts when it is the file
 * or folder itself or the module without its extension; URLs and system paths (`/usr/lib/…`) are not repository
 * paths, and `bench/results` is the bench's generated output.
 */
function missingPaths(text: string): string[] {
  const names = text.matchAll(/(?<![\w/.#-])((?:lib|components|app|lab|e2e|scripts|bench|docs)\/[\w./-]*[\w-])/g);
  return [...new Set([...names].map((m) => m[1] as string))].filter(
    (p) =>
      !p.startsWith('bench/results') &&
      ![p, `${p}.ts`, `${p}.tsx`].some((candidate) => existsSync(join(ROOT, candidate))),
  );
}

describe('docs/m365-dns-facts.md', () => {
  it('has one heading per section id of lib/facts.ts, and no other', () => {
    expect(new Set(HEADINGS).size).toBe(HEADINGS.length);
    expect([...HEADINGS].sort()).toEqual([...FACT_IDS].sort());
  });

  it('cross-references only sections it has', () => {
    // `[id]` outside code spans (patterns such as `[a-e]` are not references).
    const prose = DOC.replace(/`[^`]*`/g, '');
    const refs = [...prose.matchAll(/\[([a-z][a-z0-9-]*)\](?!\()/g)].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(HEADINGS, `[${ref}]`).toContain(ref);
  });

  it('every record of every cloud names a section of the document', () => {
    for (const catalogue of Object.values(CATALOGUES)) {
      for (const spec of Object.values(catalogue.records)) {
        expect(HEADINGS, `${catalogue.family} ${spec.id}`).toContain(spec.source);
      }
    }
  });

  it('every DNS host names a section of the document; every host with a link of its own is in its table', () => {
    for (const host of HOSTS) {
      expect(HEADINGS, host.id).toContain(host.source);
      if (host.instructions.kind !== 'generic') expect(DOC, host.id).toContain(`\`${host.id}\``);
    }
  });

  it('code comments cite it by path and existing section, and cite nothing outside the repository', () => {
    const problems: string[] = [];
    for (const file of FILES) {
      const text = readFileSync(file, 'utf8');
      const where = relative(ROOT, file);
      // Every `§id` (not a number) is a section of the facts document.
      for (const m of text.matchAll(/§([a-z][a-z0-9-]*)/g)) {
        if (!HEADINGS.includes(m[1] as string)) problems.push(`${where}: §${m[1]} is not a section`);
      }
      // A numbered § is a standard's (RFC nnnn §x.y), never a section of a note outside the repository.
      for (const m of text.matchAll(/§\d/g)) {
        const before = text.slice(Math.max(0, (m.index ?? 0) - 24), m.index).replace(/[\s*/]+/g, ' ');
        if (!/RFC \d+ ?$/.test(before)) problems.push(`${where}: numbered § without an RFC: …${before}§`);
      }
      // The facts file is cited by its path in the repository.
      for (const m of text.matchAll(/m365-dns-facts(\.md)?/g)) {
        const at = m.index ?? 0;
        if (text.slice(at - 5, at) !== 'docs/' || m[1] !== '.md') {
          problems.push(`${where}: cites ${m[0]} without its path docs/m365-dns-facts.md`);
        }
      }
      for (const outside of [
        'reliability notes',
        'reliability-notes',
        'glossary §',
        'facts §',
        'zh-cn-glossary',
        'peer-tools',
      ]) {
        if (text.includes(outside)) problems.push(`${where}: cites "${outside}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names only files and folders the repository has (code moves must carry the document along)', () => {
    expect(missingPaths(DOC)).toEqual([]);
    for (const file of FILES) expect(missingPaths(readFileSync(file, 'utf8')), relative(ROOT, file)).toEqual([]);
    // The check itself: a path from before lib/records moved to lib/findings is refused.
    expect(missingPaths('see `lib/records/catalogue.ts` and lib/findings/catalogue.ts')).toEqual([
      'lib/records/catalogue.ts',
    ]);
  });

  it('the check above fails on a planted citation of a missing section', () => {
    const planted = '// docs/m365-dns-facts.md §no-such-section';
    const ids = [...planted.matchAll(/§([a-z][a-z0-9-]*)/g)].map((m) => m[1] as string);
    expect(ids.filter((id) => !HEADINGS.includes(id))).toEqual(['no-such-section']);
  });
});
