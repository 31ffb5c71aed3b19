/** 命令行工具（lib/cli）的简体中文文本：用法、终端表格的标签、进度和错误。 */
export const zhCliMessages = {
  usage:
    '用法：m365-dns-health check <域名…> [选项]\n' +
    '      m365-dns-health check --file list.txt|list.csv [--column 列号|列名] [选项]\n\n' +
    '选项：\n' +
    '  --cloud auto|worldwide|21vianet|gcc|gcchigh|dod   租户所在的云（全球为 worldwide，默认 auto）\n' +
    '  --services mail,teams,intune|none|auto            使用的服务（默认根据 DNS 推断）\n' +
    '  --lang en|zh-CN                                   报告的语言\n' +
    '  --json | --ndjson | --csv | --csv=records         机器可读的输出（默认为表格）\n' +
    '  --file 路径  --column 列号|列名                   检查一个列表（.txt，或 .csv 的一列）\n' +
    '  --server URL [--token 令牌]                       由运行中的实例执行检查（或设置 M365_TOKEN）\n\n' +
    '退出码：0 正常，1 需要注意，2 有故障，3 无法检查，4 输入有误，5 出错，130 已中断。',
  impact: '影响：{text}',
  fix: '修复：{text}',
  where: '云：{cloud} · DNS 托管商：{host}',
  noProblems: '未发现问题。',
  rejected: '第 {line} 行：“{input}”未检查：{reason}',
  duplicate: '第 {line} 行：“{input}”与第 {first} 行重复。',
  progress: '已检查 {done} / {total}',
  interrupted: '已中断：已检查 {done} / {total}。',
  error: {
    list: '无法使用此列表：{message}',
    noDomain: '未给出域名。请给出域名，或用 --file 给出列表。',
    both: '请给出域名或 --file，不要同时给出。',
    file: '无法读取{file}：{message}',
    column: '文件没有第 {column} 列。',
    server: '{url}返回{status}：{message}',
    unreachable: '无法连接{url}：{message}',
    tooMany: '{count} 个域名超过了一次检查的上限 {limit}。请拆分列表。',
  },
} as const;
