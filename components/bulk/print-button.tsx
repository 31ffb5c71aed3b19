'use client';

/** Opens the browser's print dialog (where "Save as PDF" lives). A click handler, so the CSP allows it. */
export function PrintButton({ label, testId }: { label: string; testId: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      data-testid={testId}
      className="rounded bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white print:hidden"
    >
      {label}
    </button>
  );
}
