import { describe, expect, it } from 'vitest';
import { formatServer, parseServerList, type ServerAddress } from './servers';

describe('parseServerList (R15: bad config fails fast, naming the entry)', () => {
  const accepted: Array<{ label: string; value: string; servers: ServerAddress[] }> = [
    { label: 'bare IPv4', value: '127.0.0.1', servers: [{ host: '127.0.0.1', port: 53, family: 4 }] },
    { label: 'IPv4 with port', value: '127.0.0.1:5300', servers: [{ host: '127.0.0.1', port: 5300, family: 4 }] },
    { label: 'bracketed IPv6 with port', value: '[::1]:5300', servers: [{ host: '::1', port: 5300, family: 6 }] },
    { label: 'bracketed IPv6 without port', value: '[::1]', servers: [{ host: '::1', port: 53, family: 6 }] },
    { label: 'bare IPv6', value: '2001:db8::53', servers: [{ host: '2001:db8::53', port: 53, family: 6 }] },
    {
      label: 'list with spaces, order kept',
      value: ' 127.0.0.2:53 , [::1]:5353,127.0.0.1 ',
      servers: [
        { host: '127.0.0.2', port: 53, family: 4 },
        { host: '::1', port: 5353, family: 6 },
        { host: '127.0.0.1', port: 53, family: 4 },
      ],
    },
    { label: 'highest port', value: '127.0.0.1:65535', servers: [{ host: '127.0.0.1', port: 65535, family: 4 }] },
  ];
  it.each(accepted)('accepts $label', ({ value, servers }) => {
    expect(parseServerList(value)).toEqual(servers);
  });

  const rejected: Array<{ label: string; value: string; message: RegExp }> = [
    { label: 'empty value', value: '  ', message: /DNS_SERVERS is empty/ },
    { label: 'empty entry', value: '127.0.0.1,,127.0.0.2', message: /entry #2 is empty/ },
    { label: 'trailing comma', value: '127.0.0.1,', message: /entry #2 is empty/ },
    { label: 'hostname', value: 'dns.example.test', message: /"dns.example.test".*hostnames are not allowed/ },
    { label: 'hostname with port', value: 'localhost:53', message: /"localhost:53".*hostnames are not allowed/ },
    { label: 'port 0', value: '127.0.0.1:0', message: /"127.0.0.1:0": port 0 is outside 1-65535/ },
    { label: 'port 65536', value: '127.0.0.1:65536', message: /port 65536 is outside/ },
    { label: 'non-numeric port', value: '127.0.0.1:dns', message: /port "dns" is not a number/ },
    { label: 'empty port', value: '127.0.0.1:', message: /port "" is not a number/ },
    { label: 'bad IPv4', value: '127.0.0.256', message: /"127.0.0.256" is not an IP address/ },
    { label: 'bracketed non-IPv6', value: '[127.0.0.1]:53', message: /is not an IPv6 address/ },
    { label: 'IPv6 with port but no brackets', value: '::1:53:zz', message: /"::1:53:zz": not an IP address/ },
  ];
  it.each(rejected)('rejects $label', ({ value, message }) => {
    expect(() => parseServerList(value)).toThrow(message);
  });
});

describe('formatServer', () => {
  it.each([
    { server: { host: '127.0.0.1', port: 5300, family: 4 } as const, text: '127.0.0.1:5300' },
    { server: { host: '::1', port: 53, family: 6 } as const, text: '[::1]:53' },
  ])('$text', ({ server, text }) => {
    expect(formatServer(server)).toBe(text);
    expect(parseServerList(text)).toEqual([server]);
  });
});
