/** 语言切换的中文文本。各语言名称用其自身文字书写，与英文目录相同。 */
import type { languageMessages } from '../en/language';
import type { DeepStringShape } from '../format';

export const zhLanguageMessages = {
  label: '语言',
  name: {
    en: 'English',
    'zh-CN': '简体中文',
  },
} as const satisfies DeepStringShape<typeof languageMessages>;
