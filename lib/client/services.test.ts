import { describe, expect, test } from 'vitest';
import type { Services } from '@/lib/schema';
import { AUTO_SERVICES, hasOverride, type ServiceChoices, serviceStates, servicesParam, toOverride } from './services';

const choices = (mail: string, teams: string, intune: string) => ({ mail, teams, intune }) as ServiceChoices;

describe('what the form sends', () => {
  const cases: Array<{
    label: string;
    choices: ServiceChoices;
    override: ReturnType<typeof toOverride>;
    param: string | undefined;
  }> = [
    { label: 'all detected: nothing is sent', choices: AUTO_SERVICES, override: undefined, param: undefined },
    {
      label: 'one service on: the others stay detected',
      choices: choices('on', 'auto', 'auto'),
      override: { mail: true },
      param: 'mail:on',
    },
    {
      label: 'one off',
      choices: choices('auto', 'off', 'auto'),
      override: { teams: false },
      param: 'teams:off',
    },
    {
      label: 'every service set',
      choices: choices('on', 'off', 'on'),
      override: { mail: true, teams: false, intune: true },
      param: 'mail:on,teams:off,intune:on',
    },
    {
      label: 'every service off is said in full (an empty list would mean "detect")',
      choices: choices('off', 'off', 'off'),
      override: { mail: false, teams: false, intune: false },
      param: 'mail:off,teams:off,intune:off',
    },
  ];
  test.each(cases)('$label', ({ choices, override, param }) => {
    expect(hasOverride(choices)).toBe(override !== undefined);
    expect(toOverride(choices)).toEqual(override);
    expect(servicesParam(choices)).toBe(param);
  });

  test('no choices at all sends nothing', () => {
    expect(servicesParam(undefined)).toBeUndefined();
  });
});

describe('serviceStates', () => {
  const base: Services = { mail: true, teams: false, intune: true, inferred: true, overridden: [], uncertain: [] };
  const cases: Array<{ label: string; services: Services; expected: ReturnType<typeof serviceStates> }> = [
    {
      label: 'all detected',
      services: base,
      expected: [
        { service: 'mail', on: true, source: 'detected' },
        { service: 'teams', on: false, source: 'detected' },
        { service: 'intune', on: true, source: 'detected' },
      ],
    },
    {
      label: 'one set by the user, one assumed because its lookups failed',
      services: { ...base, inferred: false, overridden: ['teams'], uncertain: ['intune'] },
      expected: [
        { service: 'mail', on: true, source: 'detected' },
        { service: 'teams', on: false, source: 'set' },
        { service: 'intune', on: true, source: 'assumed' },
      ],
    },
  ];
  test.each(cases)('$label', ({ services, expected }) => {
    expect(serviceStates(services)).toEqual(expected);
  });
});
