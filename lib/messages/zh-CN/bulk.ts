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
  page: {
    title: '批量检查',
    intro: '检查整个域名列表：粘贴列表，或上传 .txt 文件或另存为 CSV 的电子表格。',
    back: '返回单个检查',
    link: '批量检查（多个域名）',
  },
  input: {
    label: '域名（每行一个，或用逗号、空格分隔）',
    file: '上传 .txt 或 .csv 文件',
    drop: '或将文件拖放到此处',
    clearFile: '改用文本框',
    column: '域名所在的列',
    columnOption: '第 {n} 列：{name}',
    preview: '{file} 的前几行',
    counts: '待检查 {valid} 个 · 重复 {duplicates} 个 · 已拒绝 {rejected} 个',
    rejected: '第 {line} 行：“{input}”——{reason}',
    duplicate: '第 {line} 行：“{input}”与第 {first} 行重复',
    overLimit: '列表中有 {count} 个域名，超过每次运行 {limit} 个的上限。请删除一部分或拆分列表。',
    start: '开始检查',
    starting: '正在开始…',
  },
  run: {
    progress: '已检查 {done} / {total}',
    rate: '每秒 {rate} 个域名',
    eta: '约剩 {seconds} 秒',
    cancel: '取消',
    status: {
      queued: '等待开始',
      running: '正在运行',
      done: '已完成',
      cancelled: '已取消：已完成的结果会保留',
      expired: '已过期',
    },
    expired: '此运行已过期，其结果已不再保留。请开始新的检查。',
    notFound: '没有这个运行。请检查链接，或开始新的检查。',
    error: '出现问题：{message}',
  },
  table: {
    heading: '结果',
    countsLabel: '只显示此类',
    all: '全部（{count}）',
    health: '健康状况',
    search: '搜索',
    sort: '排序方式',
    sortBy: {
      domain: '域名',
      health: '健康状况（最差在前）',
      msoid: 'msoid 状态（最差在前）',
      cloud: '云',
      host: 'DNS 托管商',
      checkedAt: '检查时间',
    },
    domain: '域名',
    msoid: 'msoid 记录',
    verdict: '结论',
    checkedAt: '检查时间',
    actions: '操作',
    recheck: '重新检查',
    open: '完整报告',
    recheckUnchecked: '重新检查所有无法检查的域名',
    page: '第 {page} / {pages} 页（{count} 行）',
    previous: '上一页',
    next: '下一页',
    none: '没有符合筛选条件的结果。',
    stale: '其中部分结果已超过 24 小时（最早：{time}）。使用前请重新检查。',
  },
  export: {
    csv: '导出 CSV',
    json: '导出 JSON',
    copyLink: '复制结果链接',
    linkLabel: '这些结果的链接',
  },
} as const satisfies DeepStringShape<typeof bulkMessages>;
