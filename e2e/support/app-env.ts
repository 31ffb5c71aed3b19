/** The env every test app gets (integration and browser suites): the lab's resolver and tight DNS budgets. */
export function appEnv(resolver: string): Record<string, string> {
  return {
    DNS_SERVERS: resolver,
    ALLOW_TEST_DOMAINS: '1',
    DNS_TIMEOUT_MS: '1000',
    DNS_TRIES: '2',
    DOMAIN_DEADLINE_MS: '8000',
  };
}
