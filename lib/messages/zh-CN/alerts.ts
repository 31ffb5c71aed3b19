/** 告警消息（issue 17 第二部分）：列表检查的摘要、“无法检查”、测试消息、监视。 */
import type { alertsMessages } from '../en/alerts';
import type { DeepStringShape } from '../format';

export const zhAlertsMessages = {
  /** Server-rendered: the alert itself (lib/alerts/message.ts). */
  message: {
    title: {
      digest: '{list}的 DNS 变化',
      cannotCheck: '{list}中有域名无法检查',
      test: '来自 M365 DNS Health 的测试消息',
      watchLive: '{domain}已生效',
      watchGaveUp: '已停止等待{domain}',
    },
    summary:
      '已修复{fixed}个，新出现问题{newlyBroken}个，值已变化{changed}个，仍有问题{stillBroken}个，未变化{unchanged}个。',
    cannotCheckSummary: '这些域名在最近{runs}次检查中都无法检查，它们的 DNS 服务器可能已停止响应。',
    testBody: '此通道可用。列表的告警将发送到这里。',
    more: '另有{count}个',
    change: {
      fixed: '已修复',
      newly_broken: '新出现问题',
      changed: '值已变化',
      still_broken: '仍有问题',
      cannot_check: '无法检查',
      unchanged: '未变化',
    },
    open: '打开列表',
  },
  ui: {
    channelTitle: '新建告警通道',
    kind: '类型',
    kindName: {
      teams: 'Microsoft Teams（工作流）',
      slack: 'Slack（传入 Webhook）',
      email: '电子邮件（SMTP）',
      webhook: '签名 Webhook',
    },
    name: '名称',
    lang: '消息语言',
    url: 'Webhook 地址',
    urlHint: '加密保存；保存后只显示其主机名。',
    secret: '签名密钥（至少 16 个字符）',
    host: 'SMTP 服务器',
    port: '端口',
    secure: '从连接开始即使用 TLS（端口 465）',
    user: '用户名',
    password: '密码',
    from: '发件人',
    to: '收件人（用逗号分隔）',
    save: '保存通道',
    saved: '已保存：{target}',
    test: '发送测试消息',
    testSent: '测试消息已发送。',
    testRetrying: '测试消息发送失败（{error}），稍后将重试。',
    testFailed: '测试消息发送失败：{error}',
    logTitle: '告警发送记录',
    logEmpty: '此列表还没有发送过告警。',
    when: '时间',
    what: '内容',
    status: '状态',
    attempts: '尝试次数',
    error: '错误',
    deliveryKind: { digest: '变化', 'cannot-check': '无法检查', test: '测试', watch: '监视' },
    deliveryStatus: { sent: '已发送', failed: '失败', retrying: '重试中' },
  },
} as const satisfies DeepStringShape<typeof alertsMessages>;
