/**
 * Types of the DNS-host catalogue. Hosts are data (`catalogue.ts`); these types close every set the
 * detector and the formatter switch on. Browser-safe.
 */
import type { FactId } from '@/lib/facts';
import type { RecordType } from '@/lib/schema';

/**
 * Where an NS pattern comes from (docs/m365-dns-facts.md §host-detection): `ms` a Microsoft document, `t2` two or more
 * independent third-party sources or real NS answers, `t1` one third-party source, `gk` general knowledge.
 */
export type Evidence = 'ms' | 't2' | 't1' | 'gk';
export type Confidence = 'high' | 'medium' | 'low';
/** `none`: nothing matched (the generic fallback). */
export type MatchConfidence = Confidence | 'none';

export type HostPattern = {
  /** See `pattern.ts` for the syntax (`ns##.domaincontrol.com`, `*.ns.cloudflare.com`, `**.dynect.net`). */
  readonly pattern: string;
  readonly evidence: Evidence;
  /** Overrides the confidence derived from `evidence` (e.g. a source that itself says "low confidence"). */
  readonly confidence?: Confidence;
};

/**
 * `microsoft`: Microsoft's page for this host; `host`: the host's own help page; `generic`: Microsoft's any-host
 * page; `cloud`: Microsoft's DNS records page of the tenant's cloud (GCC High, DoD), whose values differ from the
 * commercial ones the host pages show.
 */
export type InstructionsKind = 'microsoft' | 'host' | 'generic' | 'cloud';
export type HostInstructions = {
  readonly url: string;
  /** The same help in Chinese, for zh-CN pages (a host's own Chinese console help). */
  readonly urlZh?: string;
  readonly kind: InstructionsKind;
};

/** The fields a host's record form can have. Which appear depends on the record type and the host's layout. */
export const FIELD_KEYS = [
  'type',
  'host',
  'service',
  'protocol',
  'priority',
  'weight',
  'port',
  'value',
  'ttl',
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

/** A message code, or codes per record type with a default (Cloudflare calls the value Target, Mail server, Content…). */
export type FieldLabel = string | ({ readonly default: string } & { readonly [K in RecordType]?: string });

/** The host's own names for its form fields, as message codes (`hosts.field.*`), so other languages are data only. */
export type FieldNames = {
  readonly host: FieldLabel;
  readonly type: FieldLabel;
  readonly value: FieldLabel;
  readonly ttl: FieldLabel;
  /** Absent: MX priority goes into the value (`0 mail.example.test`). Required for SRV unless `target-combined`. */
  readonly priority?: FieldLabel;
  readonly weight?: FieldLabel;
  readonly port?: FieldLabel;
  /** SRV Service / Protocol fields; required when `srvFields` is `separate`. */
  readonly service?: FieldLabel;
  readonly protocol?: FieldLabel;
};

export type HostFormat = {
  /** Trailing dot on target names (CNAME, MX exchange, SRV target, NS). `either`: we give it without. */
  readonly cnameTrailingDot: 'required' | 'forbidden' | 'either';
  /** `label`: the host appends the zone, enter `msoid`; `fqdn`: enter `msoid.contoso.com`; `either`: both work. */
  readonly hostField: 'label' | 'fqdn' | 'either';
  /** What the host field holds for the zone apex: `@`, or left empty (Route 53, Google Cloud DNS). */
  readonly apexHost: '@' | 'empty';
  /**
   * SRV form: `separate` Service + Protocol + Name + Priority + Weight + Port + Target; `name-only`
   * `_service._proto` in Name, numbers separate; `target-combined` `_service._proto` in Name and
   * `priority weight port target` in one value field.
   */
  readonly srvFields: 'separate' | 'name-only' | 'target-combined';
  /** TXT values must be typed in double quotes (Route 53). */
  readonly txtQuoted?: boolean;
  /** Records can be proxied (Cloudflare): tell the user to set them to DNS only. */
  readonly proxyWarning?: boolean;
  /**
   * False when the form layout is not known from a source (general knowledge or a guess): the formatter
   * then adds the "if your host has no … field" hints from Microsoft's generic page.
   */
  readonly layoutKnown: boolean;
  /** Field order of the host's form; keys that do not apply to a record type are skipped. */
  readonly order: readonly FieldKey[];
  readonly fieldNames: FieldNames;
  /** Message codes (no params) always worth showing for added or changed records at this host. */
  readonly extraNotes?: readonly string[];
};

export type HostEntry = {
  /** Stable kebab-case id. */
  readonly id: string;
  /** Display name: the brand, which is not translated. */
  readonly name: string;
  /**
   * The name the host goes by on Chinese pages, where it has one of its own (阿里云, 腾讯云, 华为云… and 世纪互联's
   * Microsoft services): what a Chinese admin sees in the host's console and on its bill.
   */
  readonly nameZh?: string;
  readonly region: 'global' | 'china';
  readonly patterns: readonly HostPattern[];
  readonly instructions: HostInstructions;
  /** The section of docs/m365-dns-facts.md that gives the instructions link and its date seen. */
  readonly source: FactId;
  /** True when Microsoft (or 21Vianet for Microsoft) runs the zone: records are changed in the admin center. */
  readonly managedByMicrosoft: boolean;
  readonly format: HostFormat;
};
