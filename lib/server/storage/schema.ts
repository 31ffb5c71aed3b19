/**
 * The tables of the storage layer, as Kysely sees them. One schema for both backends: times are epoch
 * milliseconds (numbers), JSON is text, packed results are bytes (BLOB in SQLite, bytea in PostgreSQL).
 */
export interface RunsTable {
  id: string;
  /** Creation order (ties of `created_at` included): "oldest first" when a client's runs make room. */
  seq: number;
  /** The rate-limit client key the run counts against (`RunOwner.client`). */
  client: string;
  /** SHA-256 of the owner token (hex). */
  token_hash: string;
  created_at: number;
  expires_at: number;
  started_at: number | null;
  finished_at: number | null;
  batch_started_at: number | null;
  batch_done: number;
  cloud: string;
  /** JSON of the service override, or null. */
  services: string | null;
  lang: string;
  status: string;
  revision: number;
  pending: number;
  /** Valid domains in the run. */
  total: number;
  /** Domains with a result (the next result's `idx`). */
  checked: number;
  /** JSON: targets, invalid lines, duplicates and the input source (lines and uploaded columns). */
  spec: string;
}

export interface RunResultsTable {
  run_id: string;
  /** Completion order within the run; a re-check replaces the row at its index. */
  idx: number;
  domain: string;
  health: string;
  checked_at: string;
  revision: number;
  /** The `CheckResult` JSON, brotli-packed (../runs/stored-result.ts). */
  packed: Uint8Array;
}

/** Ids of dropped runs (expired or evicted): a late fetch answers 410 "expired". Bounded (oldest forgotten). */
export interface RunTombstonesTable {
  id: string;
  /** The run's `seq`: the order to forget them in. */
  seq: number;
  dropped_at: number;
}

// --- Entra ID sign-in (issue 18; migrations/auth.ts) ---
/** Who created a run (nullable: runs from before sign-in belong to no one). */
export interface RunOwnerColumns {
  created_by_user: string | null;
  created_by_tenant: string | null;
  created_by_role: string | null;
}

/** A signed-in user's server-side session (../auth/session.ts). */
export interface AuthSessionsTable {
  id: string;
  secret_hash: string;
  previous_hash: string | null;
  rotated_at: number;
  user_oid: string;
  tenant_id: string;
  name: string;
  role: string;
  created_at: number;
  last_seen: number;
  expires_at: number;
  revoked: number;
  tokens: string | null;
}

/** Sign-in states already used (a replayed callback is refused) until they would have expired anyway. */
export interface AuthUsedStatesTable {
  state_hash: string;
  expires_at: number;
}
// --- end Entra ID sign-in ---

// Lists (issue 17, migration 0002_lists) ------------------------------------------------------------

export interface ListsTable {
  id: string;
  name: string;
  cloud: string;
  /** JSON of the service override, or null. */
  services: string | null;
  /** The list's language for messages: en or zh-CN. */
  lang: string;
  retention_days: number;
  created_at: number;
  updated_at: number;
  created_by_user: string | null;
  created_by_tenant: string | null;
  /** migrations/ownership.ts (0005_ownership). */
  created_by_role: string | null;
}

export interface ListDomainsTable {
  list_id: string;
  /** ASCII name. */
  domain: string;
  display: string;
  entered: string | null;
  /** JSON array of tags. */
  tags: string;
  position: number;
}

export interface ListRunsTable {
  run_id: string;
  list_id: string;
  started_at: number;
  /** Set once, when the run first finished (the finish hooks fire then). */
  finished_at: number | null;
  trigger: string;
  slot: string | null;
  /** JSON array of the list's domains (ASCII) when the run started. */
  domains: string;
  domains_hash: string;
}

/** One record of one domain's result in a list run (../../history/records.ts). */
export interface ResultRecordsTable {
  run_id: string;
  domain: string;
  record: string;
  status: string;
  value_hash: string;
  value: string;
}

export interface AcceptancesTable {
  list_id: string;
  domain: string;
  record: string;
  note: string;
  expires_at: number | null;
  accepted_value_hash: string;
  accepted_at: number;
  accepted_by: string | null;
}

export interface Database extends AlertsDatabase {
  runs: RunsTable & Partial<RunOwnerColumns> & { list_id: string | null };
  auth_sessions: AuthSessionsTable;
  auth_used_states: AuthUsedStatesTable;
  run_results: RunResultsTable;
  run_tombstones: RunTombstonesTable;
  lists: ListsTable;
  list_domains: ListDomainsTable;
  list_runs: ListRunsTable;
  result_records: ResultRecordsTable;
  acceptances: AcceptancesTable;
}

// --- alerts (issue 17 part B: schedules, channels, deliveries, watches; migrations/alerts.ts) ---
export interface ListSchedulesTable {
  list_id: string;
  /** A cron expression (5 fields); the simple choices are stored as one. */
  cron: string;
  /** IANA time zone the expression is read in. */
  tz: string;
  enabled: number;
  /** Epoch ms of the last slot fired (unjittered), or when the schedule was saved. */
  last_slot: number;
  updated_at: number;
}

export interface ScheduleSlotsTable {
  list_id: string;
  slot: number;
  claimed_at: number;
  run_id: string | null;
}

export interface AlertChannelsTable {
  id: string;
  kind: string;
  name: string;
  lang: string;
  /** JSON of the settings that are not secret. */
  config: string;
  /** Sealed (AES-256-GCM) JSON of the secrets, or null. */
  secret: string | null;
  /** What the API shows instead of the secret. */
  masked: string;
  created_by_user: string | null;
  created_by_tenant: string | null;
  /** migrations/ownership.ts (0005_ownership). */
  created_by_role: string | null;
  created_at: number;
}

export interface ListSubscriptionsTable {
  list_id: string;
  channel_id: string;
  alert_on: string;
}

export interface CannotCheckStreaksTable {
  list_id: string;
  domain: string;
  runs: number;
  alerted: number;
}

export interface AlertDeliveriesTable {
  id: string;
  /** One delivery per (run or test, channel): a second instance's insert is a no-op. */
  dedupe_key: string;
  list_id: string | null;
  channel_id: string;
  run_id: string | null;
  kind: string;
  status: string;
  attempts: number;
  error: string | null;
  /** JSON of the message (`AlertMessage`). */
  message: string;
  next_at: number | null;
  lease_until: number | null;
  at: number;
}

export interface WatchesTable {
  id: string;
  key: string;
  domain: string;
  records: string;
  channel_id: string | null;
  deadline: number;
  state: string;
  next_at: number;
  seen: string | null;
  created_at: number;
  /** The creator (migrations/ownership.ts, 0005_ownership); null: no one. */
  created_by_user: string | null;
  created_by_tenant: string | null;
  created_by_role: string | null;
}

export interface AlertsDatabase {
  list_schedules: ListSchedulesTable;
  schedule_slots: ScheduleSlotsTable;
  alert_channels: AlertChannelsTable;
  list_subscriptions: ListSubscriptionsTable;
  cannot_check_streaks: CannotCheckStreaksTable;
  alert_deliveries: AlertDeliveriesTable;
  watches: WatchesTable;
}
// --- end alerts ---
