/**
 * 帮助台段落：客服人员可以直接读给来电用户听的句子。用词通俗，尽量避免 DNS 术语。
 * 句子以全角标点结尾，拼接时不加空格（见 lib/findings/helpdesk.ts）。
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
  symptom: {
    answer: {
      yes: '是的，{domain}的DNS设置可以解释这个问题。',
      no: '不是，{domain}的DNS设置对此没有问题，请从其他方面排查。',
      'cant-tell': '暂时无法判断：{domain}还没有检查完整。',
    },
    no: {
      'slow-sign-in': '决定登录去向的设置是正确的，登录慢另有原因，例如网络或设备。',
      'sign-in-fails': '决定登录去向的设置是正确的，登录失败另有原因，例如账户、密码或设备。',
      activation: '域名中没有把Office引向错误服务的设置，激活失败另有原因，例如许可证或设备。',
      mail: '该域名的邮件已设置为发往Microsoft 365，收不到邮件另有原因，例如发件方、过滤规则或邮箱本身。',
      'outlook-setup': 'Outlook用来查找邮箱的设置是正确的，无法设置账户另有原因，例如密码或应用版本。',
    },
    reason: {
      unchecked: '与此相关的部分查询失败了。请过几分钟再检查一次。',
      cloud: '这取决于单位使用的是哪个Microsoft 365服务（中国的服务还是全球服务），需要管理员说明。',
      'msoid-missing':
        'Office应用用来找到中国登录服务的一项设置缺失了，因此它们会先尝试境外的服务器。登录可以成功，但比较慢。',
      'msoid-wrong': 'Office应用用来找到登录服务的一项设置指向了错误的地方，因此无法登录。',
      'msoid-21vianet':
        '该域名有一项属于中国Microsoft 365服务的设置。Office按这项设置去找服务，无法确认许可证，因此无法激活。',
      'msoid-legacy': '该域名仍保留着一项Microsoft已不再使用的旧登录设置，它可能导致Office无法激活。',
      'mx-null': '该域名声明自己不接收任何邮件，因此发件方会直接放弃投递。',
      'mx-missing': '该域名没有邮件设置，发件方不知道该把邮件投递到哪里。',
      'mx-elsewhere': '该域名的邮件被发往另一家邮件服务，而不是这些Microsoft 365邮箱。',
      'mx-shared': '该域名的部分或全部邮件会先发往另一台邮件服务器，因此到不了Microsoft 365。',
      'mail-elsewhere': '该域名的邮件没有设置为发往Microsoft 365，因此Outlook无法自动在那里找到邮箱。',
      autodiscover: 'Outlook用来自动查找邮箱的设置缺失或指向别处，因此无法自动设置账户。',
      'not-found': '该域名在互联网上不存在（可能拼写有误或已过期），因此任何使用它的功能都无法工作。',
    },
    act: {
      'add-msoid': '解决办法是添加Microsoft要求的msoid记录。',
      'fix-msoid': '解决办法是把msoid记录指向Microsoft规定的地址。',
      'remove-msoid': '解决办法是删除msoid记录。',
      'add-mx': '解决办法是添加Microsoft 365为该域名提供的MX记录。',
      'fix-mx': '解决办法是把该域名的MX记录改为Microsoft 365提供的那一条。',
      'fix-autodiscover': '解决办法是按Microsoft的说明设置autodiscover记录。',
    },
    who: {
      host: '需要由在{host}管理{zone}DNS的人员进行这项更改；该域名的检查结果列出了具体要改什么。',
      generic: '需要由管理{zone}DNS的人员进行这项更改；该域名的检查结果列出了具体要改什么。',
    },
  },
  next: {
    host: '在{host}管理{zone} DNS 的人员可以修复此问题；需要更改的具体记录列在下方。',
    generic: '管理{zone} DNS 的人员可以修复此问题；需要更改的具体记录列在下方。',
    details: '管理{zone} DNS 的人员可以修复此问题；每条记录的详细信息列在下方。',
  },
} as const satisfies DeepStringShape<typeof helpdeskMessages>;
