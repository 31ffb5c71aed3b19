import { MSOID_STATUS_PRESENTATION } from '@/lib/diagnosis/presentation';
import type { MsoidStatus } from '@/lib/schema';
import { useT } from './i18n-provider';
import { ICON } from './icons';
import { TONE_BADGE } from './status-presentation';

/** The msoid status as label + icon + colour (never colour alone). */
export function StatusBadge({ status, testId = 'status-badge' }: { status: MsoidStatus; testId?: string }) {
  const { t } = useT();
  const { tone, labelCode, icon } = MSOID_STATUS_PRESENTATION[status];
  const Icon = ICON[icon];
  return (
    <span
      data-testid={testId}
      data-status={status}
      data-tone={tone}
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-1 text-xs font-semibold ring-1 ring-inset ${TONE_BADGE[tone]}`}
    >
      <Icon className="size-4" />
      {t(labelCode)}
    </span>
  );
}
