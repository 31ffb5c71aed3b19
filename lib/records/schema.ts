/**
 * The record-diagnosis part of the contract. It lives in lib/schema.ts (the one schema module);
 * this file re-exports it for the records modules.
 */
export {
  CLOUD_FAMILIES,
  CloudFamily,
  RECORD_IDS,
  RECORD_SERVICES,
  RECORD_STATUSES,
  RECORDS_HEALTH,
  RecordFinding,
  RecordId,
  RecordService,
  RecordStatus,
  RecordsCounts,
  RecordsDiagnosis,
  RecordsHealth,
  RecordsSummary,
  RenderedRecordFinding,
  SERVICE_FLAGS,
  ServiceFlag,
  ServiceOverride,
  Services,
  SPF_ALL,
  SpfAll,
  SpfDetails,
} from '@/lib/schema';
