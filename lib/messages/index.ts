/** The message catalogues by language. Text lives here, never in components or diagnosis code. */
import { cloudMessages } from './en/cloud';
import { hostMessages } from './en/hosts';
import { inputMessages } from './en/input';
import { msoidMessages } from './en/msoid';
import { uiMessages } from './en/ui';
import type { Catalogue } from './format';

export const en = {
  cloud: cloudMessages,
  hosts: hostMessages,
  input: inputMessages,
  msoid: msoidMessages,
  ui: uiMessages,
} satisfies Catalogue;

export const LANGUAGES = ['en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function catalogueFor(_lang: string | undefined): Catalogue {
  return en;
}

export { formatMessage, formatRef } from './format';
