/**
 * A parsed list (`DomainList`) in a compact form for sending between threads: every string of every entry in one
 * JSON array (read back with one `JSON.parse` of flat strings, no object per entry on the way) and every number in
 * one `Int32Array` (its buffer is transferred, not copied). The page's list worker (components/ui/list-worker.ts)
 * sends a 5 MB paste's list this way, so the page thread only unpacks it. A rejected entry travels as its message
 * reference (code and params), not as text: the page writes the reason in its own language when it unpacks.
 * Pure and browser-safe.
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
  /** JSON of a flat array of strings, in the order `unpackList` reads them. */
  strings: string;
  numbers: Int32Array;
};

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
    const params = refs[i]?.params ?? {};
    strings.push(entry.input, entry.code, refs[i]?.code ?? '', JSON.stringify(params));
    numbers.push(entry.line);
  });
  for (const d of list.duplicates) {
    strings.push(d.input, d.ascii);
    numbers.push(d.line, d.firstLine);
  }
  numbers.push(list.overLimit ? 1 : 0, list.overLimit?.limit ?? 0, list.overLimit?.count ?? 0);
  return { strings: JSON.stringify(strings), numbers: Int32Array.from(numbers) };
}

/** The list `packList` packed, with each rejected entry's reason written by `reasonText`. */
export function unpackList(packed: PackedList, reasonText: (ref: MessageRef) => string): DomainList {
  const strings = JSON.parse(packed.strings) as string[];
  const numbers = packed.numbers;
  let s = 0;
  let n = 3;
  const str = () => strings[s++] ?? '';
  const num = () => numbers[n++] ?? 0;
  const domains: ParsedEntry[] = new Array(numbers[0] ?? 0);
  for (let i = 0; i < domains.length; i++) {
    const line = num();
    const flags = num();
    const ascii = str();
    const input = flags & OWN_INPUT ? str() : ascii;
    const display = flags & OWN_DISPLAY ? str() : ascii;
    const registrable = flags & OWN_REGISTRABLE ? str() : ascii;
    const entry: ParsedEntry = { line, input, ascii, display, registrable, isSubdomain: (flags & SUBDOMAIN) !== 0 };
    if (flags & ENTERED) entry.entered = str();
    domains[i] = entry;
  }
  const invalid: DomainList['invalid'] = new Array(numbers[1] ?? 0);
  for (let i = 0; i < invalid.length; i++) {
    const input = str();
    const code = str();
    const ref: MessageRef = { code: str(), params: JSON.parse(str()) as MessageRef['params'] };
    invalid[i] = { line: num(), input, code, reason: reasonText(ref) };
  }
  const duplicates: DuplicateEntry[] = new Array(numbers[2] ?? 0);
  for (let i = 0; i < duplicates.length; i++) {
    const input = str();
    const ascii = str();
    duplicates[i] = { line: num(), input, ascii, firstLine: num() };
  }
  const over = num();
  const limit = num();
  const count = num();
  return { domains, invalid, duplicates, overLimit: over === 1 ? { limit, count } : null };
}
