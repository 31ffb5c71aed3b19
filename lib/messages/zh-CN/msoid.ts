/**
 * msoid 检查结果的中文文本。代码是 `msoid.` 下的点路径（见 `lib/messages/format.ts`）。
 * DNS 字面值（名称、值）通过参数传入，此处不写。“无法检查”的措辞从不说任何东西“缺失”。
 */
import type { msoidMessages } from '../en/msoid';
import type { DeepStringShape } from '../format';

export const zhMsoidMessages = {
  status: {
    ok: '正常',
    missing: '缺失',
    'wrong-target': '指向地址不正确',
    'not-cname': '不是 CNAME',
    'must-remove': '必须删除',
    'domain-not-found': '域名不存在',
    'lookup-failed': '无法检查',
    'cloud-unknown': '请选择云',
  },
  severity: {
    critical: '严重',
    warning: '警告',
    notice: '提示',
    ok: '正常',
    unchecked: '无法检查',
  },
  requirement: {
    required: '必需',
    recommended: '推荐',
    optional: '可选',
    'must-not-exist': '不得存在',
    'depends-on-cloud': '取决于云',
  },
  verdict: {
    ok: {
      direct: '{name}已指向世纪互联的身份验证终结点，配置正确。',
      'via-chain': '{name}通过 {hops} 条 CNAME 记录组成的链到达世纪互联的身份验证终结点。',
      wildcard: '{name}通过通配符记录到达世纪互联的身份验证终结点。',
      absent: '{name}没有 msoid 记录，这对此云是正确的。',
      'wildcard-a': '{name}没有自己的 msoid 记录，这对此云是正确的。',
    },
    missing: {
      absent: '{name}没有 msoid 记录。',
      'wildcard-a': '{name}没有 msoid CNAME 记录，只有通配符记录在此应答。',
    },
    'wrong-target': {
      typo: '{name}指向{found}，看起来是世纪互联登录地址的输入错误。',
      'legacy-worldwide-target': '{name}指向旧的全球登录地址{legacy}，而不是世纪互联的登录地址。',
      'zone-appended': '{name}指向{found}：正确值的末尾被加上了域名。',
      loop: '{name}指向{found}，但其后的 CNAME 记录形成了循环。',
      'too-long': '{name}指向{found}，但 CNAME 记录链太长，无法跟踪。',
      'dead-end': '{name}指向{found}，它最终指向一个不存在的名称。',
      'other-target': '{name}指向{found}，而不是世纪互联的身份验证终结点。',
    },
    'not-cname': {
      'own-data': '{name}有自己的记录（{found}），而不是指向世纪互联身份验证终结点的 CNAME。',
    },
    'must-remove': {
      '21vianet-target': '{name}指向世纪互联的身份验证终结点，而只有世纪互联租户才应使用它。',
      'legacy-worldwide-target': '{name}是指向{legacy}的旧 msoid 记录；此云已不再使用它。',
      'other-target': '{name}是指向{found}的 msoid 记录；此云不应有 msoid 记录。',
      'own-data': '{name}有记录（{found}）；此云不应有 msoid 记录。',
    },
    'domain-not-found': 'DNS 显示域名{domain}不存在。',
    'lookup-failed': {
      servfail: '无法检查{record}：DNS 服务器在查询{name}的{type}记录时报告了故障（SERVFAIL）。',
      refused: '无法检查{record}：DNS 服务器拒绝了对{name}的{type}查询（REFUSED）。',
      timeout: '无法检查{record}：DNS 服务器未能及时应答对{name}的{type}查询（超时）。',
      'bad-response': '无法检查{record}：无法读取对{name}的{type}查询的应答。',
      'network-error': '无法检查{record}：网络错误中断了对{name}的{type}查询。',
      cancelled: '无法检查{record}：对{name}的{type}查询已取消。',
      deadline: '无法检查{record}：对{name}的{type}查询完成之前时间已用完。',
      skipped: '无法检查{record}：未执行对{name}的{type}查询。',
    },
    'cloud-unknown': {
      absent: '{name}没有 msoid 记录；这是否正确取决于租户使用的云。',
      '21vianet-target': '{name}指向世纪互联的身份验证终结点；这是否正确取决于租户使用的云。',
      'legacy-worldwide-target': '{name}指向旧的全球登录地址；如何处理取决于租户使用的云。',
      'other-target': '{name}指向{found}；如何处理取决于租户使用的云。',
      'own-data': '{name}有自己的记录（{found}）；如何处理取决于租户使用的云。',
    },
  },
  impact: {
    ok: {
      '21vianet': 'Outlook 等应用会通过你所在位置的正确身份验证终结点登录。',
      absent: '登录和 Microsoft 365 应用版的激活不受影响。',
    },
    missing: '登录仍然可用，但 Outlook、PowerShell 等应用会回退到美国的默认身份验证终结点，因此登录可能变慢。',
    'wrong-target': 'Outlook、PowerShell 和目录同步工具等应用无法登录，因为此记录把它们引向了错误的位置。',
    'not-cname':
      'Outlook 等应用期望此处是 CNAME 记录。此处有其他记录时，它们找不到你所在区域的身份验证服务，因此无法登录。',
    'must-remove': {
      '21vianet-target': '用户无法激活 Microsoft 365 应用版：会看到一条错误，提示其帐户“不在我们的系统中”。',
      gov: 'Microsoft 的 GCC High 和 DoD 页面说明必须删除 msoid CNAME 记录：它会阻止 Microsoft 365 应用版激活。',
      'gov-own-data':
        'Microsoft 的 GCC High 和 DoD 页面只对 msoid CNAME 记录提出警告。这些记录没有记载会造成问题，但在此云中没有任何用途。',
      'legacy-worldwide-target':
        '这是一条旧的全球版 msoid 记录。Microsoft 已不再使用或记载它（msoid 现在只存在于世纪互联），因此应删除。',
      unneeded:
        'Microsoft 只为世纪互联记载了 msoid，并警告在其他云中存在 msoid CNAME 记录可能阻止 Microsoft 365 应用版激活。此记录没有指向世纪互联的服务，其影响没有记载；它没有任何用途，请删除。',
    },
    'domain-not-found': '域名不存在时什么都无法工作：既收不到电子邮件，也无法使用该域名的地址登录。',
    'lookup-failed': '这并不说明记录本身有问题：检查没有完成，所以还不知道它是否正确。',
    'cloud-unknown': {
      absent:
        '如果租户使用由世纪互联运营的 Office 365，则缺少此记录，登录可能变慢。在其他所有云中，没有 msoid 记录是正确的。',
      '21vianet-target':
        '如果租户使用由世纪互联运营的 Office 365，此记录是正确的。在其他任何云中都必须删除它，因为它会阻止 Microsoft 365 应用版激活。',
      'legacy-worldwide-target':
        '如果租户使用由世纪互联运营的 Office 365，此值不正确，应用无法登录。在其他任何云中，这是一条应删除的旧记录。',
      'other-target':
        '如果租户使用由世纪互联运营的 Office 365，此值不正确，应用无法登录。在其他任何云中都应删除此记录。',
      'own-data':
        '如果租户使用由世纪互联运营的 Office 365，msoid 必须改为 CNAME 记录，否则应用无法登录。在其他任何云中都应删除这些记录。',
    },
  },
  action: {
    none: '无需操作。',
    add: '请在 DNS 托管提供商处添加一条{type}记录：主机记录{host}，指向地址{value}，TTL {ttl} 秒（1 小时）。完整名称为{name}。',
    change: '请在 DNS 托管提供商处修改{type}记录{host}，使其指向{value}（TTL {ttl} 秒）。完整名称为{name}。',
    'add-over-wildcard':
      '请在 DNS 托管提供商处添加一条{type}记录：主机记录{host}，指向地址{value}，TTL {ttl} 秒。名称自己的记录优先于通配符记录{wildcardName}。',
    'replace-own-data':
      '请在 DNS 托管提供商处删除{host}上的记录（{found}），然后添加一条{type}记录：主机记录{host}，指向地址{value}，TTL {ttl} 秒。',
    delete:
      '请在 DNS 托管提供商处删除{type}记录{host}（它指向{value}）。完整名称为{name}。更改可能需要约一小时才能对所有人生效。',
    'delete-own-data': '请在 DNS 托管提供商处删除{host}上的记录：{found}。完整名称为{name}。',
    'delete-wildcard':
      '请在 DNS 托管提供商处删除或修改通配符{type}记录{wildcardName}（它指向{value}）。它会为该域下所有没有自己记录的名称应答，因此请先确认没有其他服务依赖它。',
    recheck: '请过几分钟重新检查。如果仍然失败，可能是该域的 DNS 服务器有问题：请联系该域的 DNS 托管方。',
    'choose-cloud': '请选择租户使用的云，然后重新检查。',
    'domain-not-found':
      '请检查{domain}的拼写。如果拼写无误，请向域名注册机构确认该域名是否已注册、DNS 服务器是否已设置。',
  },
  note: {
    'wildcard-cname': '{name}的值来自通配符记录（{wildcardName}），而不是它自己的记录。',
    'wildcard-a':
      '通配符记录（{wildcardName}）为{name}应答了{found}。这不是 msoid CNAME 记录，因此视为{name}没有 msoid 记录。',
    'wildcard-probe-failed': '无法检查该域是否有通配符记录，因此将{name}上查到的内容视为它自己的记录。',
    'partial-own-data': '对{name}的部分查询没有完成，因此那里的记录可能比显示的更多。',
    'wildcard-explicit-recommended':
      '目前可以工作，但建议添加一条独立的记录，使其不依赖通配符：{type}记录，主机记录{host}，指向地址{value}，TTL {ttl} 秒。',
    'via-chain':
      '它经过 {hops} 步才能到达。Microsoft 文档给出的是直接指向{value}的 CNAME；让{name}直接指向那里更简单。',
    typo: {
      'tld-swap':
        '这看起来是输入错误：值以{foundEnding}结尾，而不是{expectedEnding}。差异（[-x] 删除，[+x] 添加）：{diff}',
      'missing-label': '这看起来是输入错误：值中缺少“{label}”部分。差异（[-x] 删除，[+x] 添加）：{diff}',
      'edit-distance': '这看起来是{expected}的输入错误。差异（[-x] 删除，[+x] 添加）：{diff}',
    },
    'zone-appended':
      '许多 DNS 托管提供商会在不以点结尾的值后面自动加上域名。请在值的末尾加上点（{value}.），或参阅 DNS 托管提供商关于 CNAME 值的帮助。',
    'chain-end': {
      loop: '它所指向的 CNAME 记录形成了循环。',
      'too-long': '它开始的 CNAME 记录链太长，无法跟踪。',
      'dead-end': 'CNAME 记录链终止于{last}，该名称不存在。',
    },
    'chain-incomplete':
      '无法跟踪该记录指向何处（对{failedAt}的查询没有完成），因此无法判断问题有多严重。无论如何都应删除它。',
    'recheck-then-choose-cloud': '我们也无法判断租户使用哪个云。重新检查后，可能需要选择云。',
  },
} as const satisfies DeepStringShape<typeof msoidMessages>;
