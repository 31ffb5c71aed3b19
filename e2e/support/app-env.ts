/**
 * The env every test app gets (integration and browser suites): the lab's resolver, tight DNS budgets, rate
 * limits no suite reaches (the rate-limit tests start their own apps with tiny ones), a short shutdown, and no
 * propagation comparison (issue 14) unless a suite turns it on.
 */
export function appEnv(resolver: string): Record<string, string> {
  return {
    DNS_SERVERS: resolver,
    ALLOW_TEST_DOMAINS: '1',
    DNS_TIMEOUT_MS: '1000',
    DNS_TRIES: '2',
    DOMAIN_DEADLINE_MS: '8000',
    RATE_LIMIT_REQUESTS: '100000',
    RATE_LIMIT_DOMAINS: '10000000',
    SHUTDOWN_GRACE_MS: '1000',
    // The suites that test the resolver path keep their meaning (and query counts); propagation.test.ts and
    // check-until-live.spec.ts turn it on.
    PROPAGATION: '0',
  };
}
