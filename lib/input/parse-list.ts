/**
 * A whole pasted list: split, normalise each entry, collapse duplicates, count against the cap. This half
 * holds no catalogue and no zod, so the page can load it on its own (lib/client/input-check.ts) with the one
 * catalogue it has; `domain-list.ts` adds the catalogue lookup and the zod schema. Pure and browser-safe.
 */
import type { InvalidEntry, MessageRef } from '@/lib/schema';
import { type NormalizedDomain, type NormalizeOptions, normalizeDomain, REJECT_CODES, toDisplay } from './normalize';
import { entriesOfLine, entrySpans, lineContent, linesOf, type RawEntry } from './split';

export { rejectedLineCount } from './rejected-count';
export { subdomainNote } from './subdomain-note';

/**
 * Why an entry of a list was rejected: a `RejectCode` of its own, or `not-a-domain` for a line (or an array item,
 * such as a CSV cell) that separators cut into several parts none of which is a domain (`not a domain`): one
 * rejected line, not one per word.
 */
export const LIST_REJECT_CODES = [...REJECT_CODES, 'not-a-domain'] as const;
export type ListRejectCode = (typeof LIST_REJECT_CODES)[number];

export type ParsedEntry = RawEntry & NormalizedDomain;
export type DuplicateEntry = RawEntry & { ascii: string; firstLine: number };
export type DomainList = {
  /** Unique accepted domains, in the order entered (first occurrence). */
  domains: ParsedEntry[];
  /** One entry per rejected entry, in the order entered; `reason` is catalogue text. */
  invalid: InvalidEntry[];
  /** Later occurrences of a name already in `domains` (same ASCII form). */
  duplicates: DuplicateEntry[];
  /** Set when `domains.length` exceeds `maxDomains`; everything is still returned. */
  overLimit: { limit: number; count: number } | null;
};
export type ParseListOptions = NormalizeOptions & { maxDomains: number };
/** The text of a message (`input.reject.<code>` with its params) in the reader's language. */
export type ReasonText = (ref: MessageRef) => string;

/** How much of a too-long entry (or of a rejected line) is echoed back in `InvalidEntry.input`. */
const ECHO_LIMIT = 80;
/** How many entries are parsed between two looks at the clock (`ListParser.run`'s `stop`). */
const ENTRIES_PER_LOOK = 32;

function echo(input: string): string {
  const chars = Array.from(input);
  return chars.length > ECHO_LIMIT ? `${chars.slice(0, ECHO_LIMIT).join('')}…` : input;
}

/** A list being parsed, a slice at a time (see `parseEntriesInSlices`); `parseEntries` runs one to the end. */
export type ListParser = {
  /** Parses until the input ends (true) or `stop()`, asked every few entries, says to pause (false). */
  run(stop: () => boolean): boolean;
  /** How much of the input has been read, from 0 to 1. */
  progress(): number;
  /** The list so far (all of it once `run` has returned true). */
  result(): DomainList;
};

/** Starts parsing `input` (see `parseEntries`); nothing is read until `run`. */
export function createListParser(
  input: string | readonly string[],
  options: ParseListOptions,
  reasonText: ReasonText,
): ListParser {
  const domains: ParsedEntry[] = [];
  const invalid: InvalidEntry[] = [];
  const duplicates: DuplicateEntry[] = [];
  const firstLine = new Map<string, number>();
  const total = Math.max(1, input.length);
  const lines = linesOf(input);
  let read = 0;
  let done = false;

  const rejectEntry = (line: number, text: string, code: ListRejectCode, params: MessageRef['params']) => {
    invalid.push({ line, input: text, code, reason: reasonText({ code: `input.reject.${code}`, params }) });
  };

  /** Parses one line's entries; returns how many there were. */
  const parseLine = (line: number, text: string): number => {
    const pieces = entriesOfLine(text);
    const results = pieces.map((piece) => normalizeDomain(piece, options));
    if (pieces.length > 1 && results.every((result) => !result.ok)) {
      const whole = echo(lineContent(text).trim());
      rejectEntry(line, whole, 'not-a-domain', { input: whole, count: pieces.length });
      return pieces.length;
    }
    results.forEach((result, i) => {
      const piece = pieces[i] ?? '';
      if (!result.ok) {
        rejectEntry(line, result.code === 'too-long-input' ? echo(piece) : piece, result.code, result.params);
        return;
      }
      const { ascii } = result.domain;
      const first = firstLine.get(ascii);
      if (first !== undefined) {
        duplicates.push({ line, input: piece, ascii, firstLine: first });
        return;
      }
      firstLine.set(ascii, line);
      domains.push({ line, input: piece, ...result.domain });
    });
    return pieces.length;
  };

  return {
    run(stop) {
      let sinceLook = 0;
      while (!done) {
        const next = lines.next();
        if (next.done) {
          done = true;
          break;
        }
        read = next.value.read;
        sinceLook += parseLine(next.value.line, next.value.text);
        if (sinceLook >= ENTRIES_PER_LOOK) {
          sinceLook = 0;
          if (stop()) return false;
        }
      }
      return true;
    },
    progress: () => (done ? 1 : Math.min(1, read / total)),
    result: () => ({
      domains,
      invalid,
      duplicates,
      overLimit: domains.length > options.maxDomains ? { limit: options.maxDomains, count: domains.length } : null,
    }),
  };
}

/**
 * Parses pasted text or an array of strings into unique domains, rejected entries (with line, code and the
 * reason `reasonText` gives for `input.reject.<code>`) and duplicates. Never throws. Reports `overLimit` instead
 * of truncating, so the caller can show the whole list and decide (the route answers 413). A line (or array item)
 * that separators cut into several parts, none of them a domain, is one rejected entry (`not-a-domain`) holding
 * the line.
 */
export function parseEntries(
  input: string | readonly string[],
  options: ParseListOptions,
  reasonText: ReasonText,
): DomainList {
  const parser = createListParser(input, options, reasonText);
  parser.run(() => false);
  return parser.result();
}

export type SliceOptions = {
  /** Gives the host its turn (a frame, input events) and resolves when parsing may go on. */
  pause: () => Promise<void>;
  /** Milliseconds of parsing between two pauses (default 8). */
  sliceMs?: number;
  /** Stops parsing at the next pause: the promise then resolves to null. */
  signal?: AbortSignal;
  /** How much has been read (0 to 1), after each slice. */
  onProgress?: (read: number) => void;
  /** The clock (default `performance.now`). */
  now?: () => number;
};

/**
 * `parseEntries` in slices of `sliceMs` with a `pause` between them, so a page that parses a list of megabytes
 * keeps drawing frames and answering input. Resolves to the same list as `parseEntries`, or null when `signal`
 * aborted it.
 */
export async function parseEntriesInSlices(
  input: string | readonly string[],
  options: ParseListOptions,
  reasonText: ReasonText,
  { pause, sliceMs = 8, signal, onProgress, now = () => performance.now() }: SliceOptions,
): Promise<DomainList | null> {
  const parser = createListParser(input, options, reasonText);
  for (;;) {
    if (signal?.aborted) return null;
    const deadline = now() + sliceMs;
    const finished = parser.run(() => now() >= deadline);
    onProgress?.(parser.progress());
    if (finished) {
      markParsed(input);
      return parser.result();
    }
    await pause();
  }
}

/**
 * Marks a list read in slices as `list-parse` (with its characters) in the performance timeline of the thread
 * that read it: the page's for a short list, the list worker's for a big one (lib/client/list-worker.ts), so a
 * browser test can tell which thread parsed a paste. Only the latest mark is kept.
 */
function markParsed(input: string | readonly string[]): void {
  try {
    const chars = typeof input === 'string' ? input.length : input.reduce((n, s) => n + s.length + 1, 0);
    performance.clearMarks('list-parse');
    performance.mark('list-parse', { detail: { chars } });
  } catch {
    // A runtime without user timing: the mark is only a help for tests.
  }
}

/** The note for a duplicate entry (`input.note.duplicate`). */
export function duplicateNote(duplicate: DuplicateEntry): MessageRef {
  return {
    code: 'input.note.duplicate',
    params: {
      input: duplicate.input,
      line: duplicate.line,
      firstLine: duplicate.firstLine,
      domain: toDisplay(duplicate.ascii),
    },
  };
}

/** One domain, or why there isn't exactly one: `invalid` carries the rejected entry when there was one. */
export type OneDomain = { ok: true; domain: ParsedEntry } | { ok: false; several: boolean; invalid?: InvalidEntry };

/**
 * The one domain of a single-domain input (`GET /api/check?domain=`, the `/d/<domain>` page): exactly one valid
 * entry, else not ok with the rejected entry (when the one entry was invalid) or `several`.
 */
export function parseOneDomain(input: string, options: NormalizeOptions, reasonText: ReasonText): OneDomain {
  const list = parseEntries(input, { ...options, maxDomains: 1 }, reasonText);
  const [domain, ...rest] = list.domains;
  if (domain && rest.length === 0) return { ok: true, domain };
  return { ok: false, several: rest.length > 0, ...(list.invalid[0] ? { invalid: list.invalid[0] } : {}) };
}

/**
 * The text without its rejected entries (`invalid`, as `parseEntries` gave them for this text): each rejected
 * entry is cut out of its line, and a line left with no entry (or a `not-a-domain` line) goes. Kept entries,
 * comments after `#` and the other lines stay as they were; lines end in `\n`.
 */
export function withoutRejected(
  text: string,
  invalid: readonly Pick<InvalidEntry, 'line' | 'input' | 'code'>[],
): string {
  const byLine = new Map<number, Array<Pick<InvalidEntry, 'input' | 'code'>>>();
  for (const entry of invalid) byLine.set(entry.line, [...(byLine.get(entry.line) ?? []), entry]);
  const kept: string[] = [];
  for (const { line, text: lineText } of linesOf(text)) {
    const rejected = byLine.get(line);
    if (!rejected) {
      kept.push(lineText);
      continue;
    }
    if (rejected.some((entry) => entry.code === 'not-a-domain')) continue;
    const spans = entrySpans(lineText);
    const left = spans.filter((span) => {
      const at = rejected.findIndex((entry) => entry.input === span.input || entry.input === echo(span.input));
      if (at < 0) return true;
      rejected.splice(at, 1);
      return false;
    });
    const comment = lineText.slice(lineContent(lineText).length);
    if (left.length === 0 && comment === '') continue;
    kept.push([...left.map((span) => span.input), ...(comment ? [comment] : [])].join(' '));
  }
  return kept.join('\n');
}
