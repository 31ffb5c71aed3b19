import { useT } from '@/components/ui/i18n-provider';
import { serviceStates } from '@/lib/client/services';
import { RECORD_SERVICE_LABEL } from '@/lib/presentation';
import type { Services } from '@/lib/schema';

/**
 * Which services the record requirements assumed (email, Teams, Intune), and how each was decided: detected
 * from DNS (one line, the usual case), set by the user, or assumed in use because its lookups failed.
 */
export function ServicesLine({ services }: { services: Services }) {
  const { t } = useT();
  const states = serviceStates(services);
  const on = states.filter((s) => s.on).map((s) => t(RECORD_SERVICE_LABEL[s.service]));
  const notes = states.filter((s) => s.source !== 'detected');
  const detected = notes.length === 0;
  const list = on.join(t('ui.services.listSeparator'));
  return (
    <div className="mt-1.5 text-xs" data-testid="services-line" data-detected={detected}>
      <p className="text-slate-700 dark:text-slate-300" title={detected ? t('ui.services.allDetected') : undefined}>
        {on.length > 0
          ? t(detected ? 'ui.services.inUseDetected' : 'ui.services.inUse', { list })
          : t(detected ? 'ui.services.noneDetected' : 'ui.services.none')}
      </p>
      {notes.map((s) => (
        <p
          key={s.service}
          data-testid="service-source"
          data-service={s.service}
          data-source={s.source}
          className={s.source === 'assumed' ? 'text-slate-700 dark:text-slate-300' : 'text-sky-900 dark:text-sky-200'}
        >
          {s.source === 'set'
            ? t(`ui.services.set.${s.on ? 'on' : 'off'}`, { service: t(RECORD_SERVICE_LABEL[s.service]) })
            : t('ui.services.assumed', { service: t(RECORD_SERVICE_LABEL[s.service]) })}
        </p>
      ))}
    </div>
  );
}
