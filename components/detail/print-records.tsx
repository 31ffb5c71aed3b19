import { ExpectedSource } from '@/components/report/expected-source';
import { DnsText } from '@/components/ui/dns-text';
import { useT } from '@/components/ui/i18n-provider';
import { groupRecords } from '@/lib/client/records-view';
import { RECORD_LABEL, REQUIREMENT_LABEL } from '@/lib/presentation';
import type { ReportRecord } from '@/lib/schema';
import { PrintRecordStatus } from './print-status';
import { PRINT_HEADING, PRINT_TABLE, PRINT_TD, PRINT_TH } from './print-table';

function Values({ values }: { values: readonly string[] }) {
  const { t } = useT();
  if (values.length === 0) return <>{t('ui.records.none')}</>;
  return (
    <>
      {values.map((v, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: values of one finding never reorder
        <span key={i} className="block">
          <DnsText value={v} wrap="anywhere" />
        </span>
      ))}
    </>
  );
}

/**
 * The records that are fine or not needed, one line each: what DNS holds and what it should. Together with the
 * findings (which carry the found and expected values of every other record) this is every record.
 */
export function PrintRecords({ records }: { records: readonly ReportRecord[] }) {
  const { t, tp } = useT();
  const fine = groupRecords(records).find((g) => g.group === 'fine')?.records ?? [];
  if (fine.length === 0) return null;
  return (
    <section aria-labelledby="print-records" data-testid="print-records">
      <h2 id="print-records" className={PRINT_HEADING}>
        {tp('ui.records.group.fine', fine.length)}
      </h2>
      <table className={`${PRINT_TABLE} table-fixed text-[0.75rem]`}>
        <thead>
          <tr>
            <th scope="col" className={`${PRINT_TH} w-[27%]`}>
              {t('ui.records.record')}
            </th>
            <th scope="col" className={`${PRINT_TH} w-[11%]`}>
              {t('ui.records.requirement')}
            </th>
            <th scope="col" className={`${PRINT_TH} w-[12%]`}>
              {t('ui.records.status')}
            </th>
            <th scope="col" className={PRINT_TH}>
              {t('ui.records.found')}
            </th>
            <th scope="col" className={PRINT_TH}>
              {t('ui.records.expected')}
            </th>
          </tr>
        </thead>
        <tbody>
          {fine.map((record) => (
            <tr key={record.id} data-testid="print-record" data-record={record.id} className="break-inside-avoid">
              <th scope="row" className={`${PRINT_TD} font-normal`}>
                <span className="mr-1 font-semibold">{t(RECORD_LABEL[record.id])}</span>
                <DnsText value={record.host} wrap="anywhere" className="text-slate-700" />
              </th>
              <td className={PRINT_TD}>{t(REQUIREMENT_LABEL[record.requirement])}</td>
              <td className={PRINT_TD}>
                <PrintRecordStatus status={record.status} />
              </td>
              <td className={`${PRINT_TD} text-[0.9em]`}>
                <Values values={record.found} />
              </td>
              <td className={`${PRINT_TD} text-[0.9em]`}>
                <Values values={record.expected === null ? [] : [record.expected]} />
                <ExpectedSource source={record.source} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
