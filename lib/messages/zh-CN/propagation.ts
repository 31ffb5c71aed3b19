/** 生效情况（issue 14）：权威发布的记录与各解析器所见的对比，以及“检查直到生效”。 */
export const zhPropagationMessages = {
  state: {
    live: '已生效',
    pending: '等待生效',
    'servers-disagree': '权威服务器不一致',
    'internal-copy': '内网副本不同',
    unknown: '生效情况未知',
  },
  reason: {
    'published-unavailable': '域名自己的 DNS 服务器没有应答，无法对比。',
    'no-resolvers': '没有可对比的解析器。',
    'resolver-failed': '有解析器没有应答。',
  },
  published: '已发布',
  seenBy: '{resolver}所见',
  noRecord: '无记录',
  noAnswer: '无应答',
  remaining: '剩余 {seconds} 秒',
  liveEverywhere: '我们询问的每个解析器都已生效。',
  pendingBy: '解析器应在{time}前看到新记录。',
  internal: '网络内部（{resolver}）的客户端得到{inside}；外部所有人得到{outside}。',
  disagree: '域名自己的各台 DNS 服务器发布的答案不同。',
  helpdesk: {
    pending: '修改已经完成；用户将在{time}前看到。',
    internal:
      '公司网络内外看到的不一样：公司网络内的电脑（使用{resolver}）得到的答案与外部不同，网络内的 Microsoft 365 应用使用内部的答案。请在两处修改记录：公司自己的 DNS 服务器，以及域名的 DNS 托管商。',
  },
  fix: {
    both: '请在两处修改：域名的 DNS 托管商（网络外部的所有人看到的记录），以及内部 DNS 服务器（{resolver}）上的区域副本（网络内部的计算机及其中的 Microsoft 365 应用使用的记录）。',
    insideOnly:
      '域名的 DNS 托管商已发布正确的记录。请修改内部 DNS 服务器（{resolver}）上的区域副本：网络内部的计算机及其中的 Microsoft 365 应用使用该副本。',
  },
  watch: {
    start: '检查直到生效',
    stop: '停止检查',
    checking: '正在检查…',
    countdown: '解析器应在{time}前看到新记录；{seconds} 秒后再次检查。',
    idle: '每条记录在我们询问的每个解析器都已生效；正在等待您的修改发布。{seconds} 秒后再次检查。',
    waiting: '{seconds} 秒后再次检查。',
    live: '我们询问的每个解析器都已生效（共检查 {count} 次）。',
    gaveUp: '已检查 {minutes} 分钟，仍未生效，已停止检查。',
    failed: '上次检查失败：{message}',
    titleWatching: '正在检查直到生效：{domain}',
    titleLive: '已生效：{domain}',
    notifyTitle: '{domain}已生效',
    notifyBody: '我们询问的每个解析器现在都返回已发布的记录。',
  },
};
