/**
 * Class names of the printed report's tables (print-report.tsx and its parts): black on white, thin rules,
 * small type, no backgrounds needed (the browser's print dialog leaves them out by default).
 */

/** A section heading of the printout. */
export const PRINT_HEADING = 'mb-1 text-sm font-bold uppercase tracking-wide text-slate-900 break-after-avoid';

/** A full-width table with thin rules between rows. */
export const PRINT_TABLE = 'w-full border-collapse text-left text-[0.8rem] leading-tight';

/** A column head: bold, ruled underneath, repeated on every page (thead is a table-header-group in print). */
export const PRINT_TH = 'border-b border-slate-500 px-1.5 py-0.5 align-bottom font-semibold text-slate-800';

/** A cell: top-aligned, ruled underneath. */
export const PRINT_TD = 'border-b border-slate-300 px-1.5 py-0.5 align-top';

/** A small label before a value ("Why it matters: …"). */
export const PRINT_LABEL = 'font-semibold text-slate-700';
