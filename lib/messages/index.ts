/** The message catalogues by language. Text lives here, never in components or diagnosis code. */
import { cloudMessages } from './en/cloud';
import { helpdeskMessages } from './en/helpdesk';
import { hostMessages } from './en/hosts';
import { inputMessages } from './en/input';
import { msoidMessages } from './en/msoid';
import { recordsMessages } from './en/records';
import { uiMessages } from './en/ui';
import type { Catalogue } from './format';

export const en = {
  cloud: cloudMessages,
  helpdesk: helpdeskMessages,
  hosts: hostMessages,
  input: inputMessages,
  msoid: msoidMessages,
  records: recordsMessages,
  ui: uiMessages,
} satisfies Catalogue;

export const LANGUAGES = ['en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function catalogueFor(_lang: string | undefined): Catalogue {
  return en;
}

export { formatMessage, formatRef } from './format';
