/**
 * A parsed list (`DomainList`) in a compact form for sending between threads: every string of every entry in one
 * string, one per line (a string that holds a line break or a backslash is escaped), and every number in one
 * `Int32Array` (its buffer is transferred, not copied). The page's list worker (lib/client/list-worker.ts) sends a
 * 5 MB paste's list this way, so the page's thread only unpacks it, and unpacks it a slice at a time
 * (`createUnpacker`): no `JSON.parse` of megabytes, no structured clone of 250,000 objects in one task. A rejected
 * entry travels as its message reference (code and params), not as text: the page writes the reason in its own
 * language as it unpacks. Pure and browser-safe.
 */
import type { MessageRef } from '@/lib/schema';
import type { DomainList, DuplicateEntry, ParsedEntry } from './parse-list';

// A domain's flags.
const SUBDOMAIN = 1;
const ENTERED = 2;
const OWN_INPUT = 4;
const OWN_DISPLAY = 8;
const OWN_REGISTRABLE = 16;

export type PackedList = {
  /** The strings, one per line, in the order the unpacker reads them (`oneLine`). */
  strings: string;
  numbers: Int32Array;
};

/** A string on one line: `\` and line breaks escaped (most strings have neither and are kept as they are). */
function oneLine(s: string): string {
  return s.includes('\\') || s.includes('\n') || s.includes('\r')
    ? s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : s;
}

function fromOneLine(s: string): string {
  return s.includes('\\') ? s.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c)) : s;
}

/** Packs `list`; `refs[i]` is the message reference of `list.invalid[i]` (its `reason` is not sent). */
export function packList(list: DomainList, refs: readonly MessageRef[]): PackedList {
  const strings: string[] = [];
  const numbers: number[] = [list.domains.length, list.invalid.length, list.duplicates.length];
  for (const d of list.domains) {
    // Most names are their own input, display form and registrable domain: those are sent once (a flag says so).
    strings.push(d.ascii);
    if (d.input !== d.ascii) strings.push(d.input);
    if (d.display !== d.ascii) strings.push(d.display);
    if (d.registrable !== d.ascii) strings.push(d.registrable);
    if (d.entered !== undefined) strings.push(d.entered);
    numbers.push(
      d.line,
      (d.isSubdomain ? SUBDOMAIN : 0) |
        (d.entered !== undefined ? ENTERED : 0) |
        (d.input !== d.ascii ? OWN_INPUT : 0) |
        (d.display !== d.ascii ? OWN_DISPLAY : 0) |
        (d.registrable !== d.ascii ? OWN_REGISTRABLE : 0),
    );
  }
  list.invalid.forEach((entry, i) => {
    strings.push(entry.input, entry.code, refs[i]?.code ?? '', JSON.stringify(refs[i]?.params ?? {}));
    numbers.push(entry.line);
  });
  for (const d of list.duplicates) {
    strings.push(d.input, d.ascii);
    numbers.push(d.line, d.firstLine);
  }
  numbers.push(list.overLimit ? 1 : 0, list.overLimit?.limit ?? 0, list.overLimit?.count ?? 0);
  return { strings: strings.map(oneLine).join('\n'), numbers: Int32Array.from(numbers) };
}

/** A packed list being unpacked, a slice at a time (as `ListParser` parses one). */
export type Unpacker = {
  /** Unpacks until the list is whole (true) or `stop()`, asked every few entries, says to pause (false). */
  run(stop: () => boolean): boolean;
  /** The list (whole once `run` has returned true). */
  result(): DomainList;
};

/** How many entries are unpacked between two looks at the clock. */
const ENTRIES_PER_LOOK = 256;

/** Starts unpacking `packed`, with each rejected entry's reason written by `reasonText`. */
export function createUnpacker(packed: PackedList, reasonText: (ref: MessageRef) => string): Unpacker {
  const { strings, numbers } = packed;
  let at = 0;
  let n = 3;
  const str = () => {
    const end = strings.indexOf('\n', at);
    const s = strings.slice(at, end < 0 ? strings.length : end);
    at = end < 0 ? strings.length : end + 1;
    return fromOneLine(s);
  };
  const num = () => numbers[n++] ?? 0;
  const domains: ParsedEntry[] = [];
  const invalid: DomainList['invalid'] = [];
  const duplicates: DuplicateEntry[] = [];
  const counts = [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 0] as const;
  let overLimit: DomainList['overLimit'] = null;
  let done = false;

  const next = (): boolean => {
    if (domains.length < counts[0]) {
      const line = num();
      const flags = num();
      const ascii = str();
      const input = flags & OWN_INPUT ? str() : ascii;
      const display = flags & OWN_DISPLAY ? str() : ascii;
      const registrable = flags & OWN_REGISTRABLE ? str() : ascii;
      const entry: ParsedEntry = { line, input, ascii, display, registrable, isSubdomain: (flags & SUBDOMAIN) !== 0 };
      if (flags & ENTERED) entry.entered = str();
      domains.push(entry);
      return true;
    }
    if (invalid.length < counts[1]) {
      const input = str();
      const code = str();
      const ref: MessageRef = { code: str(), params: JSON.parse(str()) as MessageRef['params'] };
      invalid.push({ line: num(), input, code, reason: reasonText(ref) });
      return true;
    }
    if (duplicates.length < counts[2]) {
      const input = str();
      const ascii = str();
      duplicates.push({ line: num(), input, ascii, firstLine: num() });
      return true;
    }
    const over = num();
    const limit = num();
    const count = num();
    overLimit = over === 1 ? { limit, count } : null;
    return false;
  };

  return {
    run(stop) {
      let sinceLook = 0;
      while (!done) {
        if (!next()) {
          done = true;
          break;
        }
        if (++sinceLook >= ENTRIES_PER_LOOK) {
          sinceLook = 0;
          if (stop()) return false;
        }
      }
      return true;
    },
    result: () => ({ domains, invalid, duplicates, overLimit }),
  };
}

/** The list `packList` packed, unpacked in one go (see `createUnpacker`). */
export function unpackList(packed: PackedList, reasonText: (ref: MessageRef) => string): DomainList {
  const unpacker = createUnpacker(packed, reasonText);
  unpacker.run(() => false);
  return unpacker.result();
}
