import { useId } from 'react';
import { SERVICE_CHOICES, type ServiceChoice, type ServiceChoices } from '@/lib/client/services';
import type { ServiceFlag } from '@/lib/schema';
import { SERVICE_FLAGS } from '@/lib/schema-values';
import { useT } from './i18n-provider';

/**
 * The services toggles: email, Teams and device management, each "Detect from DNS", On or Off, as a group
 * of radio buttons (arrow keys move within a service, Tab moves between services).
 */
/** An id no element has: a control whose `form` names it belongs to no form. */
const NO_FORM = 'services-field-no-form';

export function ServicesField({
  value,
  onChange,
}: {
  value: ServiceChoices;
  onChange: (next: ServiceChoices) => void;
}) {
  const { t } = useT();
  const ids = useId();
  const helpId = `${ids}-help`;
  return (
    <fieldset aria-describedby={helpId} data-testid="services-field">
      <legend className="block text-sm font-semibold">{t('ui.form.services.legend')}</legend>
      <p id={helpId} className="mb-2 mt-0.5 text-sm text-slate-600 dark:text-slate-400">
        {t('ui.form.services.help')}
      </p>
      <div className="grid gap-3 sm:grid-cols-3">
        {SERVICE_FLAGS.map((service) => (
          <ServiceToggle
            key={service}
            name={`${ids}-${service}`}
            service={service}
            value={value[service]}
            onChange={(choice) => onChange({ ...value, [service]: choice })}
          />
        ))}
      </div>
    </fieldset>
  );
}

function ServiceToggle({
  name,
  service,
  value,
  onChange,
}: {
  name: string;
  service: ServiceFlag;
  value: ServiceChoice;
  onChange: (choice: ServiceChoice) => void;
}) {
  const { t } = useT();
  return (
    <fieldset data-testid="service-toggle" data-service={service}>
      <legend className="mb-1 text-sm font-medium">{t(`ui.form.services.${service}`)}</legend>
      <div className="inline-flex w-full overflow-hidden rounded-lg border border-slate-300 dark:border-slate-600">
        {SERVICE_CHOICES.map((choice) => (
          <label
            key={choice}
            className={`relative flex cursor-pointer items-center justify-center border-l ${choice === 'auto' ? 'flex-[1.7]' : 'flex-1'} border-slate-300 text-center text-xs font-medium first:border-l-0 has-checked:bg-slate-800 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:-outline-offset-2 has-focus-visible:outline-sky-600 dark:border-slate-600 dark:has-checked:bg-slate-100 dark:has-checked:text-slate-900`}
          >
            <input
              type="radio"
              name={name}
              // Owned by no form: a native submit of the check form (before the scripts ran) must not put these
              // generated names in the address; the form sends the choices as one `s` field instead.
              form={NO_FORM}
              value={choice}
              checked={value === choice}
              onChange={() => onChange(choice)}
              // Invisible but laid over its label, so a click (or a test's check()) lands on the radio itself.
              className="absolute inset-0 size-full cursor-pointer appearance-none opacity-0"
            />
            <span className="px-2 py-1.5">{t(`ui.form.services.choice.${choice}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
