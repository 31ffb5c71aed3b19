/**
 * English text of the language switch. Each language's name is written in that language (an autonym), so a
 * reader finds their own language whatever the page is in; the names are the same in every catalogue.
 */
export const languageMessages = {
  label: 'Language',
  name: {
    en: 'English',
    'zh-CN': '简体中文',
  },
} as const;
