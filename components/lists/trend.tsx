import type { ListRunSummary } from '@/lib/schema-lists';

/**
 * A tiny bar strip of the last runs (oldest first): each bar's height is the share of broken domains, its colour
 * red when any domain was broken, amber when some need attention, green otherwise. No chart library.
 */
export function Trend({ runs, label }: { runs: readonly ListRunSummary[]; label: string }) {
  const ordered = [...runs].reverse();
  const w = 8;
  return (
    <svg
      role="img"
      aria-label={label}
      width={Math.max(1, ordered.length) * (w + 2)}
      height={20}
      viewBox={`0 0 ${Math.max(1, ordered.length) * (w + 2)} 20`}
      data-testid="list-trend"
    >
      {ordered.map((run, i) => {
        const total = Math.max(
          1,
          Object.values(run.counts).reduce((a, b) => a + b, 0),
        );
        const broken = run.counts.broken ?? 0;
        const attention = run.counts['needs-attention'] ?? 0;
        const h = Math.max(3, Math.round((18 * (broken + attention)) / total));
        const fill = broken > 0 ? '#dc2626' : attention > 0 ? '#d97706' : '#16a34a';
        return <rect key={run.runId} x={i * (w + 2)} y={20 - h} width={w} height={h} rx={1} fill={fill} />;
      })}
    </svg>
  );
}
