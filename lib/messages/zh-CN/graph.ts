/** 来自 Microsoft Graph 的租户期望值（issue 18 item 4）：每个期望值的来源，以及 Graph 的回应。 */
export const zhGraphMessages = {
  source: {
    tenant: '来自你的租户',
    documented: 'Microsoft 文档中的格式',
  },
  sourceLabel: '来源',
  state: {
    found:
      '标为“来自你的租户”的期望值是从 Microsoft Graph 读取的你租户中{domain}的记录。DKIM 不在 Graph 中：仍使用 Microsoft 文档中的格式。',
    'not-in-tenant':
      '此域名尚未添加到你的租户：{domain}不在你的 Microsoft 365 租户的域名列表中。请先在管理中心（设置 → 域 → 添加域）添加它，再发布记录；下面的期望值是 Microsoft 文档中的格式。',
    'no-permission':
      '无法检查你租户的期望值（没有权限）：从 Microsoft Graph 读取域名需要委托权限{permission}并经管理员同意。请让管理员为此应用授予{permission}的管理员同意。下面的期望值是 Microsoft 文档中的格式。',
    'sign-in-expired':
      '无法检查你租户的期望值：你对 Microsoft Graph 的登录已过期。请注销后重新登录，以便将{domain}与你租户自己的记录比较；下面的期望值是 Microsoft 文档中的格式。',
    failed:
      '无法检查你租户的期望值：Microsoft Graph 没有应答（{detail}）。下面的期望值是 Microsoft 文档中的格式；请稍后再检查。',
  },
  note: {
    'exact-from-tenant': '此值是从 Microsoft Graph 读取的你租户自己的值：请原样使用。',
  },
  mx: {
    verdict: '{name}的 MX 指向 Microsoft 365 的 MX{microsoft}，但你的租户期望{value}：邮件会送到别的租户。',
    impact: '此域名的邮件会送到不属于你的 Microsoft 365 租户，被退回或丢失。',
  },
  verification: {
    verdict: '{name}有验证记录（{found}），但你的租户要求{value}。',
    impact: '你的租户无法用此值验证域名：它属于别的租户或之前的尝试。',
    'impact-verified': '此域名已在你的租户中验证：这条遗留记录无害，可以删除。',
  },
};
