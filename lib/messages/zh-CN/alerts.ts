/** 告警消息（issue 17 第二部分）：列表检查的摘要、“无法检查”、测试消息、监视。 */
import type { alertsMessages } from '../en/alerts';
import type { DeepStringShape } from '../format';

export const zhAlertsMessages = {
  title: {
    digest: '{list} 的 DNS 变化',
    cannotCheck: '{list} 中有域名无法检查',
    test: '来自 M365 DNS Health 的测试消息',
    watchLive: '{domain} 已生效',
    watchGaveUp: '已停止等待 {domain}',
  },
  summary:
    '已修复 {fixed} 个，新出现问题 {newlyBroken} 个，值已变化 {changed} 个，仍有问题 {stillBroken} 个，未变化 {unchanged} 个。',
  cannotCheckSummary: '这些域名在最近 {runs} 次检查中都无法检查，它们的 DNS 服务器可能已停止响应。',
  testBody: '此通道可用。列表的告警将发送到这里。',
  more: '另有 {count} 个',
  change: {
    fixed: '已修复',
    newly_broken: '新出现问题',
    changed: '值已变化',
    still_broken: '仍有问题',
    cannot_check: '无法检查',
    unchanged: '未变化',
  },
  open: '打开列表',
} as const satisfies DeepStringShape<typeof alertsMessages>;
