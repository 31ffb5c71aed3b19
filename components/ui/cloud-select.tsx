import type { CloudChoice } from '@/lib/schema';
import { CLOUD_CHOICES } from '@/lib/schema-values';
import { useT } from './i18n-provider';

/** The cloud selector: "Detect from DNS" or one of the five clouds, with plain labels. */
export function CloudSelect({
  id,
  value,
  onChange,
  describedBy,
}: {
  id: string;
  value: CloudChoice;
  onChange: (cloud: CloudChoice) => void;
  describedBy: string;
}) {
  const { t } = useT();
  return (
    <select
      id={id}
      name="cloud"
      value={value}
      aria-describedby={describedBy}
      onChange={(e) => {
        const next = CLOUD_CHOICES.find((c) => c === e.target.value);
        if (next) onChange(next);
      }}
      className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-800"
    >
      {CLOUD_CHOICES.map((choice) => (
        <option key={choice} value={choice}>
          {t(`ui.cloudChoice.${choice}`)}
        </option>
      ))}
    </select>
  );
}
