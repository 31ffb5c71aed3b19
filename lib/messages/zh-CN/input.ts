/**
 * 域名输入的中文文本：条目被拒绝的原因，以及已接受条目的说明。
 * 代码：`input.reject.<RejectCode>`、`input.note.<name>`、`input.limit.<name>`。
 */
import type { inputMessages } from '../en/input';
import type { DeepStringShape } from '../format';

export const zhInputMessages = {
  reject: {
    empty: '去掉空格、不可见字符和网址部分后，“{input}”中已没有域名。请输入域名（例如 contoso.com），或删除此条目。',
    'too-long-input': '此条目长 {length} 个字符，上限为 {max}。每个条目只填一个域名，例如 contoso.com。',
    'ip-literal': '{input}是 IP 地址，不是域名。请输入域名，例如 contoso.com。',
    'single-label': '{domain}中没有点，不是完整的域名。请输入完整的公共域名，例如 contoso.com。',
    'name-too-long': '{domain}长 {length} 个字符，而域名最多 {max} 个字符。请确认该条目只包含一个域名。',
    'label-too-long':
      '“{label}”这一部分长 {length} 个字符，而点与点之间的每一部分最多 {max} 个字符。请检查条目是否输入有误。',
    'bad-characters': '{input}包含域名中不能出现的字符“{char}”。只能使用字母、数字、连字符和点，例如 contoso.com。',
    'bad-hyphen':
      '{domain}中的“{label}”部分在不允许的位置使用了连字符：每一部分不能以连字符开头或结尾，第三、四位也不能同时是连字符（只有 xn-- 可以）。请检查条目是否输入有误。',
    'empty-label': '{input}的点与点之间有空的部分（连续两个点，或以点开头）。请删除多余的点，例如 contoso.com。',
    'special-use':
      '{domain}是保留名称（例如 .local、.onion、.invalid、.alt、.arpa 或 example.com），不能拥有用于 Microsoft 365 的公共 DNS 记录。请输入贵组织的公共域名，例如 contoso.com。',
    'test-domain-not-allowed':
      '{domain}以 .test 结尾，这是保留给测试用的名称，没有公共 DNS 记录，且此服务器不检查 .test 名称。请输入公共域名，例如 contoso.com。',
    'not-public-suffix':
      '{domain}以 .{suffix}结尾，这不是公共顶级域，因此没有公共 DNS 记录。内部名称（例如 .lan、.corp 或 .internal）无法检查；请输入公共域名，例如 contoso.com。',
    'suffix-only':
      '{domain}是任何人都可以在其下注册名称的公共后缀，而不是一个独立的域名。请输入完整的域名，例如 contoso.{domain}。',
    unparseable: '无法将{input}识别为域名。请检查是否输入有误，并输入域名，例如 contoso.com。',
    'not-a-domain':
      '“{input}”不是域名：空格、逗号或分号把它分成了 {count} 部分，其中没有一个是域名。每个条目只填一个域名，例如 contoso.com。',
  },
  note: {
    subdomain: '{domain}是子域；Microsoft 365 记录通常位于{registrable}。此处按输入的名称检查。',
    duplicate: '第 {line} 行的{input}与第 {firstLine} 行是同一个域名（{domain}），因此只检查一次。',
    normalized: '{input}已识别为{domain}。',
    address: '已检查{domain}，取自{entered}：网址或电子邮件地址代表其中的域名。',
  },
  limit: {
    'too-many-domains': '输入了 {count} 个不同的域名，一次最多可检查 {limit} 个。请删除一些，或分批检查。',
    'no-domains': '请至少输入一个域名，例如 contoso.com。',
    'too-many-names-per-domain':
      '{domain}将是最近 {minutes} 分钟内从此处检查的{registrable}下的第 {count} 个名称；在此期间同一域名下最多检查 {limit} 个名称，因此跳过了此名称。已检查过的名称可以立即再次检查；新名称请稍后再试。',
  },
} satisfies DeepStringShape<typeof inputMessages>;
