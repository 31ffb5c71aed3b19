/** 批量检查：上传的文件为何无法读取，以及所选列的提醒。 */
import type { bulkMessages } from '../en/bulk';
import type { DeepStringShape } from '../format';

export const zhBulkMessages = {
  import: {
    empty: '{file} 是空文件。请选择每行一个域名的文本文件，或另存为 CSV 的电子表格。',
    binary:
      '{file} 不是文本文件（其中含有二进制数据）。请上传 .txt 文件或另存为 CSV 的电子表格，而不是文档、图片或压缩包。',
    spreadsheet:
      '{file} 是 Excel 工作簿，不是 CSV 文件。请在 Excel 中选择“文件 › 另存为 › CSV UTF-8”，然后上传该文件。',
    encoding: '{file} 不是 UTF-8 或 UTF-16 编码的文本。请将其另存为“CSV UTF-8”（Excel）或 UTF-8 文本后再上传。',
    'unsupported-type': '{file} 不是 .txt 或 .csv 文件。请上传纯文本列表或另存为 CSV 的电子表格。',
    'bad-quoting':
      '{file} 从第 {line} 行开始有一个未闭合的引号，未导入任何内容。请在电子表格中修正该行的引号，或重新另存为 CSV。',
    'bad-field':
      '{file} 第 {line} 行的右引号后面还有文字，未导入任何内容。请在电子表格中修正该行的引号，或重新另存为 CSV。',
    'no-column': '文件中没有第 {column} 列。请从预览中显示的列里选择一列。',
    'wrong-column':
      '“{column}”列看起来不是域名：其 {total} 个非空单元格中只有 {matching} 个是域名、电子邮件地址或网址。请确认选择的列是否正确。',
  },
} as const satisfies DeepStringShape<typeof bulkMessages>;
