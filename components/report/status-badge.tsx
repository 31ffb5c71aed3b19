import { useT } from '@/components/ui/i18n-provider';
import { ICON } from '@/components/ui/icons';
import type { Presentation } from '@/lib/presentation';
import {
  MSOID_STATUS_PRESENTATION,
  RECORD_STATUS_PRESENTATION,
  RECORDS_HEALTH_PRESENTATION,
  TONE_BADGE,
} from '@/lib/presentation';
import type { MsoidStatus, RecordStatus, RecordsHealth } from '@/lib/schema';

type BadgeProps = { presentation: Presentation; testId: string; data: Record<string, string>; size?: 'md' | 'sm' };

/** A status as label + icon + colour (never colour alone). */
function Badge({ presentation, testId, data, size = 'md' }: BadgeProps) {
  const { t } = useT();
  const { tone, labelCode, icon } = presentation;
  const Icon = ICON[icon];
  const sizing = size === 'md' ? 'gap-1.5 px-2.5 py-1 text-xs' : 'gap-1 px-2 py-0.5 text-xs';
  return (
    <span
      data-testid={testId}
      data-tone={tone}
      {...data}
      className={`inline-flex items-center whitespace-nowrap rounded-full font-semibold ring-1 ring-inset ${sizing} ${TONE_BADGE[tone]}`}
    >
      <Icon className={size === 'md' ? 'size-4' : 'size-3.5'} />
      {t(labelCode)}
    </span>
  );
}

/** The msoid status (the headline record). */
export function StatusBadge({ status, testId = 'status-badge' }: { status: MsoidStatus; testId?: string }) {
  return <Badge presentation={MSOID_STATUS_PRESENTATION[status]} testId={testId} data={{ 'data-status': status }} />;
}

/** The domain's health over every record. */
export function HealthBadge({ health }: { health: RecordsHealth }) {
  return (
    <Badge presentation={RECORDS_HEALTH_PRESENTATION[health]} testId="health-badge" data={{ 'data-health': health }} />
  );
}

/** One record's status in the records table. */
export function RecordStatusBadge({ status }: { status: RecordStatus }) {
  return (
    <Badge
      presentation={RECORD_STATUS_PRESENTATION[status]}
      testId="record-status"
      data={{ 'data-status': status }}
      size="sm"
    />
  );
}
