import { useT } from '@/components/ui/i18n-provider';
import { ICON } from '@/components/ui/icons';
import type { Presentation, Tone } from '@/lib/presentation';
import { MSOID_STATUS_PRESENTATION, RECORD_STATUS_PRESENTATION } from '@/lib/presentation';
import type { MsoidStatus, RecordStatus } from '@/lib/schema';

/** Text colours on white paper, dark enough for a grey-scale printer; the label and icon carry the meaning. */
const TONE_TEXT: Record<Tone, string> = {
  ok: 'text-emerald-800',
  critical: 'text-red-800',
  warning: 'text-amber-800',
  notice: 'text-sky-800',
  unchecked: 'text-slate-700',
};

function Status({ presentation, data }: { presentation: Presentation; data: string }) {
  const { t } = useT();
  const Icon = ICON[presentation.icon];
  return (
    <span
      data-testid="print-status"
      data-status={data}
      className={`inline-flex items-baseline gap-0.5 font-semibold ${TONE_TEXT[presentation.tone]}`}
    >
      <Icon className="size-[1em] shrink-0 self-center" />
      {t(presentation.labelCode)}
    </span>
  );
}

/** A record's status on paper: icon and label in the tone's colour, no badge box (it only adds height). */
export function PrintRecordStatus({ status }: { status: RecordStatus }) {
  return <Status presentation={RECORD_STATUS_PRESENTATION[status]} data={status} />;
}

/** The msoid status on paper (the verdict per cloud). */
export function PrintMsoidStatus({ status }: { status: MsoidStatus }) {
  return <Status presentation={MSOID_STATUS_PRESENTATION[status]} data={status} />;
}
