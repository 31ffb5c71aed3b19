/**
 * 各 Microsoft 365 记录检查结果（`lib/findings/records`）的中文文本。代码是 `records.` 下的点路径。
 * DNS 字面值（名称、值、`~all`、`MS=`）通过参数传入，此处不写。“无法检查”的措辞从不说任何东西“缺失”。
 */
import type { recordsMessages } from '../en/records';
import type { Catalogue, DeepStringShape } from '../format';

type CnameCases = { missing?: true; optional?: true; undocumented?: true; deprecated?: true };

/** “X 记录”：以拉丁字符或括号结尾的标签后加空格，中文标签后不加。 */
function recordOf(label: string): string {
  return /[\x20-\x7e]$/.test(label) ? `${label}记录` : `${label}记录`;
}

/** 拉丁字符开头的词组前加空格，中文开头的不加（“没有 Skype…”与“没有自动发现…”）。 */
function afterChinese(text: string): string {
  return /^[\x20-\x7e]/.test(text) ? ` ${text}` : text;
}

/** 单一目标 CNAME 记录共用的结论；`label` 用通俗的话说出记录名称（与英文目录的 cnameVerdicts 一一对应）。 */
function cnameVerdicts(label: string, cases: CnameCases): Catalogue {
  const record = recordOf(label);
  return {
    ok: {
      direct: `${record}{name}已指向{expected}，配置正确。`,
      'via-chain': `${record}{name}通过 {hops} 条 CNAME 记录组成的链到达{expected}。`,
      ...(cases.undocumented
        ? {
            undocumented: `${record}{name}指向{found}。Microsoft 没有为此云记录该记录的值，因此无法判断。`,
          }
        : {}),
    },
    ...(cases.missing ? { missing: { absent: `{name}没有${afterChinese(record)}。` } } : {}),
    ...(cases.optional ? { 'optional-absent': { absent: `{name}没有${afterChinese(record)}。该记录是可选的。` } } : {}),
    'wrong-value': {
      'not-cname': `${record}{name}有自己的记录（{found}），而不是指向{expected}的 CNAME。`,
      'other-target': `${record}{name}指向{found}，而不是{expected}。`,
      typo: `${record}{name}指向{found}，看起来是{expected}的输入错误。`,
      'other-cloud': `${record}{name}指向{found}，这是另一个 Microsoft 365 云的值。此云使用{expected}。`,
      'dead-end': `${record}{name}指向{found}，它最终指向一个不存在的名称。`,
      'broken-chain': `${record}{name}指向{found}，但其后的 CNAME 记录形成了循环或太长，无法跟踪。`,
    },
    ...(cases.deprecated
      ? {
          deprecated: {
            'old-target': `${record}{name}指向较旧的值{deprecated}。它可以使用，但用户必须确认一个额外的提示；Microsoft 建议使用{expected}。`,
          },
        }
      : {}),
  };
}

/** Teams 和 Skype for Business SRV 记录共用的结论；Teams 记录可能缺失，旧版 SIP 记录只会“未设置”。 */
function srvVerdicts(label: string, absence: 'missing' | 'optional-absent'): Catalogue {
  return {
    ok: { exact: `${label} SRV 记录{name}为{found}，配置正确。` },
    [absence]: {
      absent:
        absence === 'missing' ? `{name}没有 ${label} SRV 记录。` : `{name}没有 ${label} SRV 记录。该记录是可选的。`,
    },
    'too-many': {
      extra: `{name}有正确的 ${label} SRV 记录（{expected}），但还有其他记录：{extra}。`,
    },
    'wrong-value': {
      target: `${label} SRV 记录{name}为{found}：指向了错误的服务器。Microsoft 的值为{expected}。`,
      port: `${label} SRV 记录{name}为{found}：端口不正确。Microsoft 的值为{expected}。`,
      'priority-weight': `${label} SRV 记录{name}为{found}：其优先级或权重与 Microsoft 的值{expected}不同。`,
      several: `${label} SRV 记录{name}为{found}：有多个字段不正确。Microsoft 的值为{expected}。`,
      'other-cloud': `${label} SRV 记录{name}为{found}：指向了另一个 Microsoft 365 云的服务器。此云使用{expected}。`,
    },
  };
}

const lookupFailedVerdicts = {
  servfail: '无法检查{record}：DNS 服务器在查询{name}的{type}记录时报告了故障（SERVFAIL）。',
  refused: '无法检查{record}：DNS 服务器拒绝了对{name}的{type}查询（REFUSED）。',
  timeout: '无法检查{record}：DNS 服务器未能及时应答对{name}的{type}查询（超时）。',
  'bad-response': '无法检查{record}：无法读取对{name}的{type}查询的应答。',
  'network-error': '无法检查{record}：网络错误中断了对{name}的{type}查询。',
  cancelled: '无法检查{record}：对{name}的{type}查询已取消。',
  deadline: '无法检查{record}：对{name}的{type}查询完成之前时间已用完。',
  skipped: '无法检查{record}：未执行对{name}的{type}查询。',
};

const spfIssues = {
  'lookup-limit': '检查{name}的 SPF 记录需要 {count} 次 DNS 查找，上限为 {limit} 次。',
  'broken-include': {
    'no-record': '{name}的 SPF 记录包含了{include}，而{include}没有 SPF 记录。',
    'several-records': '{name}的 SPF 记录包含了{include}，而{include}有多条 SPF 记录。',
    loop: '{name}的 SPF 记录包含了{include}，它又循环引用回自身。',
  },
  'no-include': '{name}的 SPF 记录没有包含 Microsoft 365（{include}）。',
  'pass-all': '{name}的 SPF 记录以{all}结尾，这允许世界上任何服务器以该域的名义发送邮件。',
  'neutral-all': '{name}的 SPF 记录以{all}（中立）结尾，没有告诉收件方如何对待其他发件服务器。',
  'no-all': '{name}的 SPF 记录没有以“all”项结尾，因此没有说明如何对待其他发件服务器。',
};

const SPF_PERMERROR = '收件方会将 SPF 视为无效（永久错误），因此你的邮件更可能被拒收或被标记为垃圾邮件。';

export const zhRecordsMessages = {
  status: {
    ok: '正常',
    'optional-absent': '未设置（可选）',
    missing: '缺失',
    'wrong-value': '值不正确',
    'must-remove': '必须删除',
    conflict: '冲突',
    proxied: '已代理',
    deprecated: '值已过时',
    'too-many': '过多',
    'lookup-failed': '无法检查',
    'not-applicable': '不适用',
    inconsistent: '服务器不一致',
  },
  health: {
    healthy: '正常',
    'needs-attention': '需要注意',
    broken: '故障',
    'could-not-check': '部分记录无法检查',
  },
  label: {
    verification: '域验证（TXT）',
    msoid: 'msoid（CNAME）',
    mx: '邮件传递（MX）',
    autodiscover: '自动发现（CNAME）',
    'autodiscover-srv': '自动发现 SRV',
    spf: 'SPF（TXT）',
    'dkim-selector1': 'DKIM 选择器 1（CNAME）',
    'dkim-selector2': 'DKIM 选择器 2（CNAME）',
    dmarc: 'DMARC（TXT）',
    sipfederation: 'Teams 联合（SRV）',
    sip: 'Skype for Business sip（CNAME）',
    lyncdiscover: 'Skype for Business lyncdiscover（CNAME）',
    'sip-tls': 'Skype for Business SIP（SRV）',
    enterpriseregistration: '设备注册（CNAME）',
    enterpriseenrollment: 'Intune 注册（CNAME）',
  },
  service: {
    core: '域本身',
    mail: '电子邮件',
    teams: 'Teams',
    intune: 'Intune',
    'legacy-sfb': 'Skype for Business（旧版）',
    dkim: 'DKIM',
    dmarc: 'DMARC',
  },

  common: {
    verdict: {
      'lookup-failed': lookupFailedVerdicts,
      'cloud-unknown': {
        present: '{name}有一条{type}记录（{found}）；它是否正确取决于租户使用的云。',
        absent: '{name}没有{type}记录；是否需要它取决于租户使用的云。',
      },
      'service-off': {
        mail: '未检查{name}：该域似乎没有使用 Microsoft 365 电子邮件。',
        teams: '未检查{name}：该域似乎没有使用 Teams。',
        intune: '未检查{name}：该域似乎没有使用 Intune。',
      },
      conflict: '{name}是指向{target}的 CNAME，但同一名称上还有其他记录：{found}。',
      proxied: '{name}用 Cloudflare 自己的地址（{found}）应答，而不是 CNAME：该名称开启了 Cloudflare 代理。',
      'domain-not-found': '未检查{name}：DNS 显示域名{domain}不存在。',
      inconsistent: '该域自己的各台 DNS 服务器在{name}上发布的{type}记录不一致。',
    },
    impact: {
      'lookup-failed': '这并不说明记录本身有问题：检查没有完成，所以还不知道它是否正确。',
      'cloud-unknown': '无法判断租户使用哪个 Microsoft 365 云，而每个云要求的值都不同。',
      'service-off': {
        mail: '只有当该域的邮件由 Microsoft 365 处理时，电子邮件记录才有意义。',
        teams: '只有当该域的用户使用 Teams 时，Teams 记录才有意义。',
        intune: '只有当设备通过 Intune 注册时，Intune 记录才有意义。',
      },
      conflict:
        'CNAME 不能与其他记录共用同一名称。各 DNS 服务器对此处理不一，有些计算机能得到 CNAME，有些则不能，服务因此时好时坏。',
      proxied: '查找此名称的应用会连到 Cloudflare，而不是 Microsoft 的服务，因此该记录对应的服务无法工作。',
      'domain-not-found': '域名不存在时什么都无法工作：无法使用它的电子邮件、Teams 或登录。',
      'srv-extra': '应用可能选用其中任意一条 SRV 记录，因此部分连接会连到错误的位置。只保留正确的那一条。',
      inconsistent:
        '每台计算机的 DNS 会询问其中任意一台服务器，因此有的用户得到这个答案，有的得到另一个。刚修改后几分钟内通常会一致；如果一直不一致，说明这些服务器之间没有同步区域。这里按最差的答案报告。',
    },
  },

  action: {
    none: '无需操作。',
    recheck: '请过几分钟重新检查。如果仍然失败，可能是该域的 DNS 服务器有问题：请联系该域的 DNS 托管方。',
    'choose-cloud': '请选择租户使用的云，然后重新检查。',
    'service-off': {
      mail: '如果该域确实使用 Microsoft 365 电子邮件，请在服务中选中它，然后重新检查。',
      teams: '如果该域确实使用 Teams，请在服务中选中它，然后重新检查。',
      intune: '如果该域确实使用 Intune，请在服务中选中它，然后重新检查。',
    },
    add: '请在 DNS 托管提供商处添加一条{type}记录：主机记录{host}，指向地址{value}，TTL {ttl} 秒（1 小时）。完整名称为{name}。',
    change: '请在 DNS 托管提供商处修改{type}记录{host}，使其指向{value}（TTL {ttl} 秒）。完整名称为{name}。',
    'replace-own':
      '请在 DNS 托管提供商处删除{host}上的记录（{found}），然后添加一条{type}记录：主机记录{host}，指向地址{value}，TTL {ttl} 秒。',
    'remove-beside': '请在 DNS 托管提供商处删除{host}上的其他记录（{found}），只保留 CNAME。完整名称为{name}。',
    unproxy:
      '请在 Cloudflare 的 DNS 设置中将记录{host}设为“仅 DNS”（DNS only，灰色云朵），使其以指向{value}的 CNAME 应答。',
    'unproxy-unknown':
      '请在 Cloudflare 的 DNS 设置中将记录{host}设为“仅 DNS”（DNS only，灰色云朵），使其以 CNAME 应答。',
    'add-srv':
      '请在 DNS 托管提供商处添加一条 SRV 记录：名称{host}，优先级、权重、端口和目标为{value}，TTL {ttl} 秒。完整名称为{name}。',
    'delete-srv': '请在 DNS 托管提供商处删除{host}上的这些 SRV 记录：{found}。',
    'replace-srv': '请在 DNS 托管提供商处将{host}上的 SRV 记录（{found}）替换为{value}（优先级、权重、端口、目标）。',
    'replace-srv-unknown-target':
      '请在 DNS 托管提供商处更正{host}上的 SRV 记录（{found}），使其使用端口 {port}。选择租户使用的云后即可看到正确的目标。',
    'domain-not-found':
      '请检查{domain}的拼写。如果拼写无误，请向域名注册机构确认该域名是否已注册、DNS 服务器是否已设置。',
  },

  note: {
    inconsistent: {
      holds: '{servers}（SOA 序列号 {serial}）：{found}。',
      absent: '{servers}（SOA 序列号 {serial}）：没有此记录。',
    },
    'copy-from': {
      worldwide: '此值是你的租户专用的。请从 Microsoft 365 管理中心复制：设置 → 域 → 选择{domain} → DNS 记录。',
      '21vianet':
        '此值是你的租户专用的。请从由世纪互联运营的 Microsoft 365 管理中心复制：设置 → 域 → 选择{domain} → DNS 记录。',
      gcchigh: '此值是你的租户专用的。请从 GCC High 管理中心复制：设置 → 域 → 选择{domain} → DNS 记录。',
      dod: '此值是你的租户专用的。请从 DoD 管理中心复制：设置 → 域 → 选择{domain} → DNS 记录。',
      unknown: '此值是你的租户专用的。请从租户的 Microsoft 365 管理中心复制：设置 → 域 → 选择{domain} → DNS 记录。',
    },
    'matches-cloud': {
      worldwide: '这是全球（商业版）和 GCC 租户的值。',
      '21vianet': '这是由世纪互联运营的 Office 365 的值。',
      gcchigh: '这是 GCC High 租户的值。',
      dod: '这是 DoD 租户的值。',
    },
    typo: '这看起来是{expected}的输入错误。差异（[-x] 删除，[+x] 添加）：{diff}',
    'via-chain':
      '它经过 {hops} 步才能到达。Microsoft 文档给出的是直接指向{value}的 CNAME；让{name}直接指向那里更简单。',
    'legacy-sfb': '这是旧版 Skype for Business 记录。只使用 Teams 的租户不需要它；如果存在，它应指向正确的位置。',
    'txt-blocks-cname': '{name}上已有其他记录。CNAME 不能与它们共用名称，因此请先删除它们，再在{host}添加 CNAME。',
    'name-exists-no-cname': '{name}在 DNS 中存在，但没有 CNAME 记录。',
    undocumented: 'Microsoft 没有为此云记录此记录。请在租户的管理中心查看是否要求添加它。',
    'autodiscover-hybrid': '如果组织在自己的服务器上运行 Exchange（混合部署），自动发现记录可能是有意指向那里的。',
    'partial-own-data': '对{name}的部分查询没有完成，因此那里的记录可能比显示的更多。',
    'third-party-filter':
      '如果邮件是有意先经过筛选服务再到达 Microsoft 365，这些 MX 记录可能是正确的：该服务随后会将邮件转交给 Microsoft 365。',
    'mx-microsoft': '这是 Microsoft 较新的 MX 地址格式，支持 DNSSEC 和 DANE。',
    'cloud-unknown-target': '它应指向哪个服务器取决于租户使用的云。',
    'conflict-beside': '{name}上除 CNAME 外还有其他记录（{found}）。CNAME 不能与它们共用名称；请一并删除它们。',
  },

  verification: {
    verdict: {
      ok: { present: '{name}有域验证记录（{found}）。' },
      'wrong-value': {
        'no-prefix': '{name}有一条 TXT 记录{found}，看起来是缺少{prefix}前缀的验证值。',
      },
      'optional-absent': { absent: '{name}没有域验证记录。' },
    },
    impact: {
      ok: 'Microsoft 365 可以确认该组织拥有此域。',
      'wrong-value': 'Microsoft 365 无法用此值验证域，因为前缀是值的一部分。',
      'optional-absent': '如果该域在管理中心已显示为已验证，则没有问题：此记录只在验证完成前需要。',
    },
    action: {
      'add-prefix': '请在 DNS 托管提供商处将{host}上的 TXT 记录改为{value}。',
      'add-if-unverified':
        '如果该域尚未验证，请在{host}添加一条 TXT 记录，值为管理中心显示的值（{value}）。否则无需操作。',
    },
    note: {
      removable: '该域显示为已验证后，可以删除此记录；保留它也没有坏处。',
    },
  },

  mx: {
    verdict: {
      ok: {
        protection: '{domain}的邮件发往 Microsoft 365（{microsoft}），且没有其他 MX 记录与之竞争。',
        'mx-microsoft': '{domain}的邮件发往 Microsoft 365（{microsoft}），且没有其他 MX 记录与之竞争。',
        'null-mx': '{domain}声明不接收电子邮件（“空 MX”记录：{found}）。',
      },
      missing: { absent: '{domain}没有 MX 记录，因此收不到电子邮件。' },
      'wrong-value': {
        'null-mx': '{domain}有一条“空 MX”记录（{found}），它告诉发件方该域不接收电子邮件。',
        'null-mx-mixed': '{domain}的“空 MX”记录与其他 MX 记录并存（{found}）。',
        'other-cloud': '{domain}的 MX 记录（{found}）指向的 Microsoft 365 云与租户使用的云不同。',
        'third-party': '{domain}的 MX 记录（{found}）把邮件发往 Microsoft 365 以外的地方。',
        priority: '{domain}的邮件首先发往{others}，而不是 Microsoft 365（{microsoft}）。',
        'shared-priority':
          '{domain}的 MX 记录给 Microsoft 365（{microsoft}）和{others}设置了相同的优先级，因此邮件会在它们之间分流。',
      },
      'must-remove': {
        'extra-mx':
          '{domain}的邮件首先发往 Microsoft 365（{microsoft}），但当 Microsoft 365 响应较慢时，其他 MX 记录（{others}）仍会接收邮件。',
      },
      deprecated: {
        'legacy-microsoft': '{domain}的邮件发往{legacy}，这是 Microsoft 列为旧版的 Microsoft 365 邮件地址。',
      },
      'not-applicable': {
        elsewhere: '{domain}的邮件发往{found}，而不是 Microsoft 365。不再进一步检查电子邮件记录。',
      },
    },
    impact: {
      ok: {
        microsoft: '发往该域的电子邮件会投递到 Microsoft 365 邮箱。',
        'null-mx': '如果该域不用于电子邮件，这是正确的。',
      },
      missing: '发往该域地址的电子邮件会被退回。',
      'wrong-value': {
        'null-mx': '发往该域地址的电子邮件会被发件方拒绝，Microsoft 365 邮箱什么也收不到。',
        'null-mx-mixed': '空 MX 必须是唯一的 MX 记录。发件方可能拒绝向该域发送邮件，或行为不可预测。',
        'other-cloud': '邮件会发往租户不存在的云，因此被退回。',
        'third-party': '电子邮件不会直接到达 Microsoft 365 邮箱。只有当筛选服务会把邮件转发到那里时，这才是正确的。',
        priority: '发件方会投递到优先级数值最小的记录，因此大部分邮件会发往另一台服务器，而不是 Microsoft 365。',
        'shared-priority': '发件方会在优先级相同的记录之间随机选择，因此部分邮件到不了 Microsoft 365。',
      },
      'must-remove': '发往旧服务器的邮件可能永远到不了 Microsoft 365 邮箱，还可能绕过 Microsoft 365 的垃圾邮件筛选。',
      deprecated: 'Microsoft 要求将此类旧版 MX 记录替换为当前的 MX 值，该值显示在管理中心。',
    },
    action: {
      add: '请在 DNS 托管提供商处在{host}添加一条 MX 记录，优先级 0，值为{value}。',
      'replace-null': '请在 DNS 托管提供商处删除 MX 记录{found}，然后在{host}添加一条 MX 记录，优先级 0，值为{value}。',
      'delete-null': '请在 DNS 托管提供商处删除空 MX 记录（值只有一个点的那条）。保留其他记录。',
      'replace-legacy': '请在 DNS 托管提供商处将 MX 记录（{legacy}）改为当前的 MX：优先级 0，值为{value}。',
      'replace-all':
        '请在 DNS 托管提供商处将 MX 记录（{found}）替换为{host}上的一条 MX 记录：优先级 0，值{value}。如果是有意让筛选服务把邮件转发到 Microsoft 365，请跳过此步。',
      'make-first':
        '请在 DNS 托管提供商处为 Microsoft 365 MX 记录设置最小的优先级数值（{value}），并删除其他 MX 记录（{others}）。',
      'delete-others': '确认不再需要向其他 MX 记录（{others}）发送邮件后，请在 DNS 托管提供商处删除它们。',
    },
  },

  autodiscover: {
    verdict: cnameVerdicts('自动发现', { missing: true }),
    impact: {
      ok: 'Outlook 和移动邮件应用可以自动找到邮箱设置。',
      missing: 'Outlook 和移动邮件应用可能无法自动找到邮箱设置，因此设置帐户可能失败，或要求用户填写服务器设置。',
      'wrong-value': 'Outlook 和移动邮件应用会在错误的位置查找邮箱，因此设置帐户会失败或要求手动填写设置。',
    },
  },

  'autodiscover-srv': {
    verdict: {
      'optional-absent': { absent: '{name}没有自动发现 SRV 记录。Microsoft 365 不需要它。' },
      ok: {
        present: '{name}有一条自动发现 SRV 记录（{found}）。只有在 Outlook 通过其他方式找不到邮箱时，才会查看它。',
        fallback:
          '{name}有一条自动发现 SRV 记录（{found}）。由于自动发现 CNAME 记录{cname}缺失或有误，Outlook 可能会按照它找到{targets}。',
      },
    },
    impact: {
      'optional-absent': 'Outlook 通过自动发现 CNAME 记录查找邮箱。',
      ok: {
        present: '没有影响：Outlook 会先通过自动发现 CNAME 记录找到邮箱，不会查看这里。',
        fallback:
          'Outlook 可能会用这条记录查找邮箱。如果它指向旧的邮件服务器，Outlook 会要求用户填写设置，或连接到错误的服务器。',
      },
    },
    action: {
      'fix-cname-first':
        '请先修正自动发现 CNAME 记录{cname}。修正后这条 SRV 记录就不再起作用；只有在没有其他用途时才删除它。',
    },
  },

  spf: {
    verdict: {
      ok: {
        'hard-fail':
          '{name}的 SPF 记录列出了允许的发件服务器，并以{all}结尾：其他发件服务器会被判定为失败（硬失败）。它需要 {count} 次 DNS 查找（上限 {limit} 次）。',
        'soft-fail':
          '{name}的 SPF 记录列出了允许的发件服务器，并以{all}结尾：其他发件服务器会被判定为软失败。它需要 {count} 次 DNS 查找（上限 {limit} 次）。',
      },
      missing: { absent: '{name}没有 SPF 记录。' },
      'too-many': { records: '{name}有 {count} 条 SPF 记录（{found}），但只允许有一条。' },
      'wrong-value': spfIssues,
      'lookup-failed': {
        nested:
          '无法检查{name}的完整 SPF 记录：无法读取它在{include}包含的记录。到目前为止，它至少需要 {count} 次 DNS 查找（上限 {limit} 次）。',
        macro:
          '无法检查{name}的完整 SPF 记录：它包含的{include}随每封邮件而变（SPF 宏），因此无法判断是否包含了 Microsoft 365。',
      },
    },
    impact: {
      ok: {
        'hard-fail': '收件方可以区分来自 Microsoft 365 的邮件和冒用该域的伪造邮件。',
        'soft-fail': '收件方可以区分来自 Microsoft 365 的邮件和伪造邮件；伪造邮件会被标记为可疑，而不是被拒收。',
      },
      missing: '收件方没有可代表该域发送邮件的服务器列表，因此你的邮件更可能进入垃圾邮件，伪造邮件也更难识别。',
      'too-many':
        '存在多条 SPF 记录时，收件方会将 SPF 视为无效（永久错误），因此你的邮件更可能被拒收或被标记为垃圾邮件。',
      'wrong-value': {
        'lookup-limit': '收件方在 10 次查找后停止，并将 SPF 视为无效，因此你的邮件更可能被拒收或被标记为垃圾邮件。',
        'broken-include': {
          'no-record': SPF_PERMERROR,
          'several-records': SPF_PERMERROR,
          loop: SPF_PERMERROR,
        },
        'no-include': '通过 Microsoft 365 发送的邮件无法通过 SPF 检查，收件方可能拒收或将其放入垃圾邮件。',
        'pass-all': '任何人都能以该域的名义发送通过 SPF 检查的邮件，伪造邮件看起来像合法邮件。',
        'neutral-all': 'SPF 无法帮助收件方识别冒用该域的伪造邮件。',
        'no-all': 'SPF 无法帮助收件方识别冒用该域的伪造邮件。',
      },
      'lookup-failed': '这并不说明记录本身有问题：部分检查没有完成，所以还不知道它是否在限制之内。',
    },
    action: {
      add: '请在 DNS 托管提供商处在{host}添加一条 TXT 记录，值为{value}。把其他为该域发送邮件的服务也加进去。',
      'add-cloud-unknown': '请选择租户使用的云以查看 SPF 值，然后将其作为 TXT 记录添加到{host}。',
      merge:
        '请在 DNS 托管提供商处删除这些 SPF 记录，并添加一条合并后的记录，例如{value}。请确认每个为该域发送邮件的服务仍在其中。',
      'lookup-limit':
        '删除已不再为该域发送邮件的服务的 include，或将其中一些替换为它们使用的 IP 地址，直到记录最多需要 10 次查找。但不要把 Microsoft 365 的 include 替换为 IP 地址：Microsoft 的发件地址经常变化。',
      'broken-include': {
        'no-record': '从 SPF 记录中删除对{include}的 include，或请{include}的所有者发布 SPF 记录。',
        'several-records': '请{include}的所有者将其 SPF 记录合并为一条，或删除对{include}的 include。',
        loop: '删除导致循环的 include（{include}）。',
      },
      'no-include': '请在 DNS 托管提供商处将{host}上的 SPF 记录改为{value}。',
      'pass-all': '请在 DNS 托管提供商处将{host}上的 SPF 记录改为{value}。',
      'neutral-all': '请在 DNS 托管提供商处将{host}上的 SPF 记录改为{value}。',
      'no-all': '请在 DNS 托管提供商处将{host}上的 SPF 记录改为{value}。',
      'check-macros': '请向宏 include 的所有者确认它涵盖 Microsoft 365，或自己在记录中添加对{include}的 include。',
    },
    note: {
      lookups: '该记录需要 {count} 次 DNS 查找（上限 {limit} 次）。',
      'lookups-at-least': '该记录至少需要 {count} 次 DNS 查找（上限 {limit} 次；部分内容无法读取）。',
      macros: '记录的部分内容随每封邮件而变（SPF 宏：{includes}）；每个都按一次查找计算。',
      'include-unchecked': '由于租户使用的云未知，未检查该记录是否包含 Microsoft 365。',
      incomplete: '部分被包含的记录无法读取（{unresolved}），因此可能还有更多问题。',
      'merge-check': '合并后的值只是建议：请确认它列出了每个为该域发送邮件的服务。',
      also: spfIssues,
    },
  },

  dkim: {
    verdict: {
      ok: {
        onmicrosoft: '{name}指向 Microsoft 的 DKIM 密钥（{found}），使用通过租户初始域的旧格式。',
        'dkim-mail-microsoft': '{name}指向 Microsoft 的 DKIM 密钥（{found}），使用新格式。',
        undocumented: '{name}指向{found}。Microsoft 没有为此云记录 DKIM 记录，因此无法判断。',
      },
      'optional-absent': {
        undocumented: '{name}没有 DKIM 记录。Microsoft 没有为此云记录 DKIM 记录。',
      },
      missing: {
        absent: '{name}没有 DKIM 记录。',
        'pair-incomplete': '{name}没有 DKIM 记录，而{other}有。',
      },
      'wrong-value': {
        'not-cname': '{name}有自己的记录（{found}），而不是指向 Microsoft DKIM 密钥的 CNAME。',
        'own-key': '{name}发布了自己的 DKIM 密钥（{found}），而不是指向 Microsoft DKIM 密钥的 CNAME。',
        'other-cloud': '{name}指向{found}，这是另一个 Microsoft 365 云的 DKIM 格式。',
        'other-target': '{name}指向{found}，这不是 Microsoft 的 DKIM 密钥。',
        swapped: '{name}指向{found}，这是另一个选择器的密钥。',
        'mixed-formats':
          '{name}在一条链中同时经过 Microsoft DKIM 的两种格式（旧格式和新格式）；一个选择器只能使用一种。',
        'dead-end': '{name}指向{found}，该名称（尚）不存在。',
      },
    },
    impact: {
      ok: 'Microsoft 365 可以用 DKIM 为该域的外发邮件签名。',
      'optional-absent': '邮件没有用该域的 DKIM 密钥签名。',
      missing: {
        absent: 'Microsoft 365 无法用该域的 DKIM 密钥为外发邮件签名，因此邮件更可能无法通过 DMARC 并进入垃圾邮件。',
        'pair-incomplete': 'Microsoft 365 会在两个密钥之间轮换；切换到此密钥时，DKIM 签名就会失效。',
      },
      'wrong-value': {
        'not-cname': 'Microsoft 365 无法在此发布或轮换其 DKIM 密钥，因此 DKIM 签名失败。',
        'own-key': 'Microsoft 365 无法轮换此密钥，由 Microsoft 365 签名的邮件无法通过 DKIM 检查。',
        'other-cloud': '密钥位于租户不存在的云中，因此 DKIM 签名失败。',
        'other-target': '由 Microsoft 365 签名的邮件无法通过 DKIM 检查。',
        swapped: '用受影响的密钥签名的邮件无法通过 DKIM 检查。',
        'mixed-formats': 'Microsoft 说明同一选择器不能同时使用两种格式，因此用此密钥进行的 DKIM 签名可能失败。',
        'dead-end': '在密钥存在之前 DKIM 检查都会失败：该域可能尚未启用 DKIM。',
      },
    },
    action: {
      add: '请在 DNS 托管提供商处在{name}添加一条 CNAME 记录，值为{value}。',
      change: '请在 DNS 托管提供商处将 CNAME 记录{name}的值改为{value}。',
      'replace-own': '请在 DNS 托管提供商处删除{name}上的记录（{found}），然后在那里添加一条 CNAME 记录，值为{value}。',
    },
    note: {
      'enable-dkim': '请在 Microsoft Defender 门户中为该域启用 DKIM（电子邮件身份验证设置 → DKIM），这会创建密钥。',
    },
  },

  dmarc: {
    verdict: {
      ok: {
        quarantine: '{name}的 DMARC 策略会将未通过检查的邮件放入垃圾邮件（{policyTag}）。',
        reject: '{name}的 DMARC 策略会拒收未通过检查的邮件（{policyTag}）。',
        inherited: '{name}没有自己的 DMARC 记录，也不需要：{parent}上的记录覆盖了它（{policyTag}）。',
      },
      missing: {
        absent: '{name}没有 DMARC 记录。',
        'absent-with-parent': '{name}没有 DMARC 记录，能覆盖它的{parent}也没有。',
      },
      'too-many': { records: '{name}有 {count} 条 DMARC 记录，但只允许有一条。' },
      'wrong-value': {
        'no-policy': '{name}上的 DMARC 记录（{found}）没有有效的策略。',
        'policy-none': '{name}上的 DMARC 记录只做监视（{policyTag}）：它要求收件方对未通过检查的邮件不做任何处理。',
      },
    },
    impact: {
      ok: '收件方会处理未通过该域 SPF 和 DKIM 检查的邮件，从而防范伪造邮件。',
      'ok-inherited': '收件方会对这个子域应用父域的 DMARC 策略，这正是 Microsoft 对没有自己记录的子域的说明。',
      missing: '收件方得不到如何处理冒用该域的伪造邮件的指示，你也收不到相关报告。',
      'too-many': '存在多条 DMARC 记录时，收件方会忽略该域的 DMARC。',
      'wrong-value': {
        'no-policy': '收件方会忽略没有有效策略的 DMARC 记录。',
        'policy-none': '冒用该域的伪造邮件仍会被投递。这是不错的第一步，但还算不上防护。',
      },
    },
    action: {
      add: '请在 DNS 托管提供商处在{name}（主机记录{host}）添加一条 TXT 记录，值为{value}，然后留意报告。',
      'keep-one': '请在 DNS 托管提供商处只保留{name}上的一条 DMARC 记录，删除其他记录。',
      'set-policy': '请在 DNS 托管提供商处将{name}上的 DMARC 记录改为{value}。',
      tighten: '当 DMARC 报告显示所有合法邮件都能通过后，请将{name}上的记录改为{value}，之后再改为{strictest}。',
    },
    note: {
      'no-reports': '该记录没有要求发送汇总报告，因此你看不到谁在以该域的名义发送邮件。',
      pct: '该策略只适用于 {pct}% 未通过检查的邮件。',
      'inherited-monitor-only':
        '覆盖它的策略（{policyTag}）只做监视：冒用此子域的伪造邮件仍会被投递。收紧策略需要修改{parent}，这也会影响父域。',
      'inherited-no-policy': '覆盖它的记录（{found}）没有有效的策略，收件方可能会忽略它。请检查{parent}上的记录。',
    },
  },

  sipfederation: {
    verdict: srvVerdicts('Teams 联合', 'missing'),
    impact: {
      ok: '其他组织的用户可以找到该域上的 Teams 用户并与其聊天。',
      missing: '其他组织的用户无法找到该域上的 Teams 用户，无法与其聊天或通话（联合）。',
      'wrong-value': {
        broken: '其他组织的用户无法联系该域上的 Teams 用户（联合失败）。',
        minor:
          '只要它是该名称上唯一的 SRV 记录就仍能工作，但它与 Microsoft 的值不同；为稳妥起见，请使用 Microsoft 的值。',
      },
    },
  },

  sip: {
    verdict: cnameVerdicts('Skype for Business sip', { optional: true }),
    impact: {
      ok: '旧版 Skype for Business 客户端可以找到登录服务。',
      'optional-absent': '如果没有人使用 Skype for Business 客户端，则没有任何影响。',
      'wrong-value': '仍在使用此记录的旧版 Skype for Business 客户端会被引向错误的位置。',
    },
  },

  lyncdiscover: {
    verdict: cnameVerdicts('Skype for Business lyncdiscover', { optional: true }),
    impact: {
      ok: '旧版 Skype for Business 客户端和部分 PowerShell 工具可以找到该服务。',
      'optional-absent': '如果没有人使用 Skype for Business 客户端，则没有任何影响。',
      'wrong-value': '仍在使用此记录的旧版 Skype for Business 客户端和工具会被引向错误的位置。',
    },
  },

  'sip-tls': {
    verdict: srvVerdicts('Skype for Business SIP', 'optional-absent'),
    impact: {
      ok: '旧版 Skype for Business 客户端可以找到登录服务。',
      'optional-absent': '如果没有人使用 Skype for Business 客户端，则没有任何影响。',
      'wrong-value': {
        broken: '仍在使用此记录的旧版 Skype for Business 客户端会被引向错误的位置。',
        minor: '只要它是该名称上唯一的 SRV 记录就仍能工作，但它与 Microsoft 的值不同。',
      },
    },
  },

  enterpriseregistration: {
    verdict: cnameVerdicts('设备注册（enterpriseregistration）', {
      missing: true,
      optional: true,
      undocumented: true,
    }),
    impact: {
      ok: '设备（Windows、iOS/iPadOS 和 Android）可以使用该域上的地址向 Microsoft Entra ID 注册。',
      missing:
        '设备（Windows、iOS/iPadOS 和 Android）可能无法自动向 Microsoft Entra ID 注册，而条件访问和 Intune 依赖于此。',
      'optional-absent': '设备可能无法自动向 Microsoft Entra ID 注册。',
      'wrong-value': '设备注册（Windows、iOS/iPadOS 和 Android）会被引向错误的位置，可能失败。',
    },
  },

  enterpriseenrollment: {
    verdict: cnameVerdicts('Intune 注册（enterpriseenrollment）', { optional: true, deprecated: true }),
    impact: {
      ok: '手动注册 Windows 设备的用户只需输入工作地址即可找到 Intune 服务器。',
      'optional-absent':
        '只影响手动注册 Windows 设备的用户：他们需要自己输入注册服务器地址。自动注册的设备（Microsoft Entra 加入并启用 MDM 自动注册）不需要此记录。',
      'wrong-value': '手动注册 Windows 设备的用户会被引向错误的位置，必须自己输入服务器地址。',
      deprecated: '注册可以使用，但手动注册的用户会看到一个额外的确认服务器的提示。建议的值不会出现此提示。',
    },
  },
} satisfies DeepStringShape<typeof recordsMessages>;
