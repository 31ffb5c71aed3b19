/**
 * 有关云的中文文本：选择器和报告中的云名称、证据标签，以及 `cloudNotes` 生成的域说明。
 * DNS 字面值通过参数传入，此处不写任何记录名称或值。
 */
import type { cloudMessages } from '../en/cloud';
import type { DeepStringShape } from '../format';

export const zhCloudMessages = {
  name: {
    auto: '自动检测',
    worldwide: '全球（商业版）',
    '21vianet': '由世纪互联运营的 Office 365',
    gcc: 'GCC',
    gcchigh: 'GCC High',
    dod: 'DoD',
    unknown: '未知',
    'worldwide-or-gcc': '全球（或 GCC）',
  },
  hint: {
    'worldwide-or-gcc': '全球或 GCC',
    '21vianet': '由世纪互联运营的 Office 365',
    gcchigh: 'GCC High',
    dod: 'DoD',
    'gcchigh-or-dod': 'GCC High 或 DoD',
    germany: 'Office 365 德国版（已停用）',
  },
  record: {
    mx: 'MX 记录',
    autodiscover: '自动发现 CNAME 记录',
    spf: 'SPF 记录',
  },
  note: {
    conflicting:
      '该域的 DNS 记录指向多个 Microsoft 365 云（{records}），因此无法判断租户使用哪个云。请选择云，然后重新检查。',
    germany: '该域的 DNS 记录指向已停用的 Office 365 德国版（{records}）。请选择租户当前使用的云，然后重新检查。',
    'evidence-incomplete': '部分查询未完成（{lookups}），因此无法判断租户使用哪个云。请重新检查，或选择云。',
    'no-evidence':
      '该域的 MX、自动发现和 SPF 记录都没有指向 Microsoft 365，因此无法判断租户使用哪个云。请选择云，然后重新检查。',
    'worldwide-or-gcc':
      'DNS 记录指向全球或 GCC，而仅凭 DNS 无法区分这两者。两者的 msoid 规则相同，因此结果对二者都适用。',
    'gcchigh-or-dod':
      'DNS 记录指向 GCC High 或 DoD，两者使用相同的邮件记录。两者的 msoid 规则相同（不应有 msoid 记录），因此按 GCC High 检查，结果同样适用于 DoD。',
    contradicts: {
      'worldwide-or-gcc':
        '该域的 DNS 记录指向全球或 GCC（{records}），而不是你选择的云。结果按你的选择给出，请确认选择无误。',
      '21vianet':
        '该域的 DNS 记录指向由世纪互联运营的 Office 365（{records}），而不是你选择的云。结果按你的选择给出，请确认选择无误。',
      gcchigh: '该域的 DNS 记录指向 GCC High（{records}），而不是你选择的云。结果按你的选择给出，请确认选择无误。',
      dod: '该域的 DNS 记录指向 DoD（{records}），而不是你选择的云。结果按你的选择给出，请确认选择无误。',
      'gcchigh-or-dod':
        '该域的 DNS 记录指向 GCC High 或 DoD（{records}），而不是你选择的云。结果按你的选择给出，请确认选择无误。',
      germany: '该域的 DNS 记录指向已停用的 Office 365 德国版（{records}）。结果按你选择的云给出，请确认选择无误。',
    },
  },
} as const satisfies DeepStringShape<typeof cloudMessages>;
