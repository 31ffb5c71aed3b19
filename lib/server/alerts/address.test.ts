import { describe, expect, it } from 'vitest';
import { isRefusedAddress } from './address';

describe('isRefusedAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['100.128.0.1', false],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['255.255.255.255', true],
    ['52.96.0.1', false],
    ['93.184.216.34', false],
    ['::1', true],
    ['::', true],
    ['fe80::1', true],
    ['fe80::1%eth0', true],
    ['fd12:3456::1', true],
    ['fc00::1', true],
    ['ff02::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:52.96.0.1', false],
    ['64:ff9b::a9fe:a9fe', true],
    ['2001:db8::1', true],
    ['2603:1026::1', false],
    ['2a01:111:f400::1', false],
    ['not-an-address', true],
    ['1:2:3', true],
    ['1::2::3', true],
  ])('%s → %s', (ip, refused) => {
    expect(isRefusedAddress(ip)).toBe(refused);
  });
});
