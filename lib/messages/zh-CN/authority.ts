import type { authorityMessages } from '../en/authority';
import type { DeepStringShape } from '../format';

/** “DNS 服务器”卡片。 */
export const zhAuthorityMessages = {
  heading: 'DNS 服务器',
  basis: {
    authoritative: '依据该域自己的 DNS 服务器发布的内容判断（区域{zone}）。',
    resolver: '依据{resolver}返回的内容判断。',
  },
  fallback: {
    disabled: '此服务器上没有询问该域自己的 DNS 服务器（AUTHORITATIVE=0）；结果来自{resolver}。',
    'root-unreachable': '无法从此服务器连接该域自己的 DNS 服务器（出站 DNS 可能被阻止）；结果来自{resolver}。',
    'servers-unreachable': '该域自己的 DNS 服务器都没有应答；结果来自{resolver}。最近的修改可能还看不到。',
    'no-zone': '从根开始没有找到该域自己的 DNS 服务器；结果来自{resolver}。',
    'over-budget': '询问该域自己的 DNS 服务器需要的查询次数过多；结果来自{resolver}。',
  },
  column: {
    server: '服务器',
    address: '地址',
    listed: '列出方',
    answers: '是否为该区域应答',
    serial: 'SOA 序列号',
  },
  listed: {
    both: '上级区域和本区域',
    parent: '仅上级区域',
    apex: '仅本区域',
    none: '均未列出',
  },
  answers: {
    yes: '是',
    no: '否（非权威）',
    unknown: '未知',
  },
  problem: {
    timeout: '未及时应答',
    'network-error': '无法连接（网络错误）',
    'error-rcode': '拒绝该区域（失效委派）',
    'not-authoritative': '有应答，但不是该区域的权威应答（失效委派）',
    'bad-response': '应答无法读取',
    'no-address': '找不到地址',
    'not-asked': '未询问（已达上限）',
  },
  delegation: {
    match: '上级区域和本区域列出的服务器相同。',
    mismatch: '上级区域列出{parent}；本区域列出{apex}。',
    unknown: '无法检查上级区域和本区域列出的服务器是否相同。',
  },
  health: {
    heading: '区域运行状况（不影响 Microsoft 365 结论）',
    'ns-mismatch':
      '上级区域和本区域列出的 DNS 服务器不同（{servers}）。解析器可能使用任意一份列表：请在注册商或 DNS 托管商处更新过时的那一份。',
    'lame-server':
      '{servers}被列为该域的 DNS 服务器，但不为它应答。选中它的解析器会得到错误或较慢的应答：请从 NS 记录中删除它，或在它上面配置该区域。',
    'serials-differ':
      '各服务器保存的区域版本不同（{servers}的版本较旧）。修改后的几分钟内这是正常的；如果一直如此，说明服务器之间没有同步区域。',
    'server-unreachable': '{servers}没有应答此服务器。如果它一直不可用，使用它的解析器的用户会等待更久。',
  },
  severity: {
    critical: '严重',
    warning: '警告',
    notice: '提示',
    ok: '正常',
    unchecked: '未检查',
  },
  none: '没有发现 DNS 服务器的问题。',
} satisfies DeepStringShape<typeof authorityMessages>;
