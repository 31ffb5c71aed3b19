/**
 * 帮助台段落：客服人员可以直接读给来电用户听的句子。用词通俗，尽量避免 DNS 术语。
 * 句子以全角标点结尾，拼接时不加空格（见 lib/report/helpdesk.ts）。
 */
import type { helpdeskMessages } from '../en/helpdesk';
import type { DeepStringShape } from '../format';

export const zhHelpdeskMessages = {
  intro: {
    healthy: '{domain}的 Microsoft 365 DNS 记录看起来正常，因此该域上的登录、激活或邮件问题不是 DNS 造成的。',
    problems: '我们发现{domain}上有影响 Microsoft 365 用户的 DNS 设置（需要修复 {count} 项）。',
    unchecked: '部分 DNS 查询失败，我们未能完成对{domain}的检查。这还不能说明它的记录是否正确，请过几分钟重新检查。',
    'not-found':
      'DNS 中不存在域名{domain}，因此使用该域名地址的 Microsoft 365 功能都无法工作。请检查拼写，或确认该域名是否已过期。',
  },
  partial: '有 {count} 条记录无法检查；在排除它们之前，请重新检查。',
  'cloud-unknown': '哪些记录正确取决于租户使用的 Microsoft 365 云，请让管理员选择云。',
  next: {
    host: '在{host}管理{zone} DNS 的人员可以修复此问题；需要更改的具体记录列在下方。',
    generic: '管理{zone} DNS 的人员可以修复此问题；需要更改的具体记录列在下方。',
    details: '管理{zone} DNS 的人员可以修复此问题；每条记录的详细信息列在下方。',
  },
} as const satisfies DeepStringShape<typeof helpdeskMessages>;
