/**
 * A 5 MB paste into the main page's text box, in a real Chromium against the production build (issue 15 item 7):
 * how long the longest frame is while the list is read (the page draws frames between slices of parsing; target
 * under 200 ms), and how long until the page says what it made of the list. A measurement, not a test: it fails
 * only when the page does not get there.
 */
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium';
import { pastedText } from '../e2e/support/pasted-text';

export type PasteRun = {
  bytes: number;
  lines: number;
  /** Setting the text box's value and its input event, which our handler answers (ms, in the page). */
  pasteMs: number;
  /** Of that, the input event: our `onChange` and the render it makes (ms). */
  inputEventMs: number;
  /**
   * From the paste until the page draws its next frame after the one that shows the pasted text: Chromium taking
   * the 5 MB into the text box (a text and a line break per line), laying it out and painting it (ms).
   */
  firstFrameMs: number;
  /**
   * Of `firstFrameMs`, the time our scripts ran (long-animation-frame attribution: the input event, React's
   * render); the rest is Chromium's own (ms).
   */
  firstFrameScriptsMs: number;
  /** The longest gap between two animation frames after that first one, until the result shows (ms). */
  longestFrameMs: number;
  /**
   * The longest frame that Chromium reports as a long animation frame in the same window (main-thread work of a
   * frame, ours and Chromium's): on a loaded machine the gaps between frames are longer, the process waiting
   * for a core (ms).
   */
  longestLoafMs: number;
  /** Animation frames drawn in that window. */
  frames: number;
  /**
   * The three longest gaps between frames in that window, each with the long animation frames inside it: what ran
   * (our scripts by invoker and function, and Chromium's style and layout, from long-animation-frame attribution).
   * A gap without a long animation frame in it is the renderer waiting, not working.
   */
  slowFrames: SlowFrame[];
  /** Paste → the page shows what it made of the list (ms). */
  resultMs: number;
};

export type SlowFrame = {
  /** When the gap ended, from the paste (ms). */
  atMs: number;
  gapMs: number;
  /** Of the gap: long animation frames in it (ms), of which scripts, and style and layout. */
  loafMs: number;
  scriptsMs: number;
  styleLayoutMs: number;
  /** The scripts of those frames, longest first: "invoker (function) ms". */
  scripts: string[];
};

type LoafEntry = {
  start: number;
  duration: number;
  scripts: number;
  styleLayout: number;
  parts: Array<{ name: string; duration: number }>;
};

/** The longest `count` gaps between `marks`, with the long animation frames that overlap each. */
function slowFrames(marks: number[], loaf: LoafEntry[], from: number, count = 3): SlowFrame[] {
  const gaps = marks.slice(1).map((t, i) => ({ start: marks[i] ?? t, end: t }));
  gaps.sort((a, b) => b.end - b.start - (a.end - a.start));
  return gaps.slice(0, count).map(({ start, end }) => {
    const inside = loaf.filter((e) => e.start < end && e.start + e.duration > start);
    const parts = inside.flatMap((e) => e.parts).sort((a, b) => b.duration - a.duration);
    return {
      atMs: Math.round(end - from),
      gapMs: Math.round(end - start),
      loafMs: Math.round(inside.reduce((sum, e) => sum + e.duration, 0)),
      scriptsMs: Math.round(inside.reduce((sum, e) => sum + e.scripts, 0)),
      styleLayoutMs: Math.round(inside.reduce((sum, e) => sum + e.styleLayout, 0)),
      scripts: parts.slice(0, 4).map((p) => `${p.name} ${Math.round(p.duration)} ms`),
    };
  });
}

/**
 * Where the list is pasted: `/` (the default) or `/bulk` (`BENCH_PASTE_PAGE=bulk npm run bench -- --parts paste`):
 * the page, its text box, what shows the list was read (over both pages' limits: the offer to open it in Bulk, or
 * to check the first N).
 */
const PAGES = {
  home: {
    path: '/?lang=en',
    box: 'textarea[name="d"]',
    ready: '[data-testid="ready-count"]:not([data-reading])',
    result: '[data-testid="open-in-bulk"]',
  },
  bulk: {
    path: '/bulk?lang=en',
    box: 'textarea#bulk-domains',
    ready: '[data-testid="bulk-list-counts"]:not([data-reading])',
    result: '[data-testid="bulk-over-limit"]',
  },
} as const;

/** Pastes about `bytes` into `/` (or `/bulk`) at `url` once and measures the frames until the result shows. */
export async function measurePaste(
  url: string,
  bytes = 5_000_000,
  timeoutMs = 600_000,
  target: keyof typeof PAGES = process.env.BENCH_PASTE_PAGE === 'bulk' ? 'bulk' : 'home',
): Promise<PasteRun> {
  const where = PAGES[target];
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(timeoutMs);
    await page.goto(`${url}${where.path}`);
    const box = page.locator(where.box);
    // The validation loads on first use: load it first, so the measure is of reading the list.
    await box.fill('contoso.test');
    await page.locator(where.ready).filter({ hasText: '1' }).waitFor();
    const { text, lines } = pastedText(bytes);
    // The text goes into the page first: sending 5 MB through the DevTools protocol takes seconds that are no
    // part of a paste.
    await page.evaluate(`window.benchText = ${JSON.stringify(text)}`);
    // A string, not a function: the bench runs under tsx, whose helpers do not exist in the page.
    await page.evaluate(`(() => {
      window.benchFrames = [];
      const tick = () => { window.benchFrames.push(performance.now()); requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      window.benchLoaf = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const scripts = e.scripts.reduce((sum, s) => sum + s.duration, 0);
          const styleLayout = e.styleAndLayoutStart > 0 ? e.startTime + e.duration - e.styleAndLayoutStart : 0;
          const parts = e.scripts.map((s) => ({
            name: s.invoker + (s.sourceFunctionName ? ' (' + s.sourceFunctionName + ')' : ''),
            duration: s.duration,
          }));
          window.benchLoaf.push({ start: e.startTime, duration: e.duration, scripts, styleLayout, parts });
        }
      }).observe({ type: 'long-animation-frame' });
    })()`);
    // Frames are marked when their callbacks run, not by the frame time Chromium hands them: a frame that
    // waited behind seconds of work carries the time it was scheduled, which hides the wait.
    // As a paste: the value, then one input event (Playwright's fill types through the editing commands). Then
    // the first frame (Chromium lays the text box out) and the next one, from which the page's own work counts.
    const pasted = (await page.evaluate(`(() => {
      const box = document.querySelector(${JSON.stringify(where.box)});
      const start = performance.now();
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(box, window.benchText);
      const set = performance.now();
      box.dispatchEvent(new Event('input', { bubbles: true }));
      const end = performance.now();
      requestAnimationFrame(() => requestAnimationFrame(() => { window.benchDrawn = performance.now(); }));
      return { start, set, end };
    })()`)) as { start: number; set: number; end: number };
    // Over every limit of the page: the result is the offer to open the list in Bulk (or, there, to check part of it).
    await page.locator(where.result).waitFor();
    const end = (await page.evaluate('performance.now()')) as number;
    const drawn = (await page.evaluate('window.benchDrawn')) as number;
    const all = (await page.evaluate('window.benchFrames')) as number[];
    const loaf = (await page.evaluate('window.benchLoaf')) as LoafEntry[];
    const frames = all.filter((t) => t >= drawn && t <= end);
    const marks = [...frames, end];
    let longest = 0;
    for (let i = 1; i < marks.length; i += 1) longest = Math.max(longest, (marks[i] ?? 0) - (marks[i - 1] ?? 0));
    const firstFrameScriptsMs = loaf
      .filter((e) => e.start + e.duration > pasted.start && e.start < drawn)
      .reduce((sum, e) => sum + e.scripts, 0);
    const longestLoafMs = Math.max(0, ...loaf.filter((e) => e.start >= drawn && e.start < end).map((e) => e.duration));
    return {
      bytes: text.length,
      lines,
      pasteMs: pasted.end - pasted.start,
      inputEventMs: pasted.end - pasted.set,
      firstFrameMs: drawn - pasted.start,
      firstFrameScriptsMs,
      longestFrameMs: longest,
      longestLoafMs,
      frames: frames.length,
      slowFrames: slowFrames(marks, loaf, pasted.start),
      resultMs: end - pasted.start,
    };
  } finally {
    await browser.close();
  }
}
