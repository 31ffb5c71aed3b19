/** The message catalogues by language. Text lives here, never in components or diagnosis code. */
import { alertsMessages } from './en/alerts';
import { authorityMessages } from './en/authority';
import { bulkMessages } from './en/bulk';
import { cliMessages } from './en/cli';
import { cloudMessages } from './en/cloud';
import { graphMessages } from './en/graph';
import { helpdeskMessages } from './en/helpdesk';
import { hostMessages } from './en/hosts';
import { inputMessages } from './en/input';
import { languageMessages } from './en/language';
import { listsMessages } from './en/lists';
import { msoidMessages } from './en/msoid';
import { propagationMessages } from './en/propagation';
import { recordsMessages } from './en/records';
import { uiMessages } from './en/ui';
import { type Catalogue, setCatalogueLocale } from './format';
import { type Language, matchLanguage } from './language';
import { zhAlertsMessages } from './zh-CN/alerts';
import { zhAuthorityMessages } from './zh-CN/authority';
import { zhBulkMessages } from './zh-CN/bulk';
import { zhCliMessages } from './zh-CN/cli';
import { zhCloudMessages } from './zh-CN/cloud';
import { zhGraphMessages } from './zh-CN/graph';
import { zhHelpdeskMessages } from './zh-CN/helpdesk';
import { zhHostMessages } from './zh-CN/hosts';
import { zhInputMessages } from './zh-CN/input';
import { zhLanguageMessages } from './zh-CN/language';
import { zhListsMessages } from './zh-CN/lists';
import { zhMsoidMessages } from './zh-CN/msoid';
import { zhPropagationMessages } from './zh-CN/propagation';
import { zhRecordsMessages } from './zh-CN/records';
import { zhUiMessages } from './zh-CN/ui';

export const en = {
  alerts: alertsMessages,
  authority: authorityMessages,
  bulk: bulkMessages,
  cli: cliMessages,
  cloud: cloudMessages,
  graph: graphMessages,
  helpdesk: helpdeskMessages,
  hosts: hostMessages,
  input: inputMessages,
  language: languageMessages,
  lists: listsMessages,
  msoid: msoidMessages,
  propagation: propagationMessages,
  records: recordsMessages,
  ui: uiMessages,
} satisfies Catalogue;

/** Simplified Chinese: every namespace of `en`, key for key (lib/messages/parity.test.ts checks it). */
export const zhCN = {
  alerts: zhAlertsMessages,
  authority: zhAuthorityMessages,
  bulk: zhBulkMessages,
  cli: zhCliMessages,
  cloud: zhCloudMessages,
  graph: zhGraphMessages,
  helpdesk: zhHelpdeskMessages,
  hosts: zhHostMessages,
  input: zhInputMessages,
  language: zhLanguageMessages,
  lists: zhListsMessages,
  msoid: zhMsoidMessages,
  propagation: zhPropagationMessages,
  records: zhRecordsMessages,
  ui: zhUiMessages,
} satisfies Catalogue;

setCatalogueLocale(en, 'en');
setCatalogueLocale(zhCN, 'zh-CN');

export const CATALOGUES: Readonly<Record<Language, Catalogue>> = { en, 'zh-CN': zhCN };

/**
 * The catalogue for a language tag: Simplified Chinese for `zh`, `zh-CN`, `zh-Hans`, `zh-SG` (any case),
 * English for everything else, including no tag at all.
 */
export function catalogueFor(lang: string | undefined): Catalogue {
  return CATALOGUES[matchLanguage(lang) ?? 'en'];
}

export { formatMessage, formatRef } from './format';
export {
  DEFAULT_LANGUAGE,
  LANGUAGE_COOKIE,
  LANGUAGE_HEADER,
  LANGUAGE_PARAM,
  LANGUAGES,
  type Language,
  matchLanguage,
  negotiateLanguage,
  resolveLanguage,
} from './language';
