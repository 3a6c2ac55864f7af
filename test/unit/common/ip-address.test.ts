import { describe, expect, it } from 'vitest';
import { canonicalIp, formatIpv6, parseIpv4, parseIpv6 } from '../../../common/ip-address.js';

describe('parseIpv4', () => {
  it('parses dotted quads', () => {
    expect(parseIpv4('8.8.8.8')).toBe(0x08080808);
    expect(parseIpv4('255.255.255.255')).toBe(0xffffffff);
  });
  it.each(['256.1.1.1', '1.2.3', '1.2.3.4.5', 'a.b.c.d', '', '1..2.3', ' 1.2.3.4'])('rejects %j', (text) => {
    expect(parseIpv4(text)).toBeNull();
  });
});

describe('parseIpv6 / formatIpv6', () => {
  it.each([
    ['::1', 1n],
    ['::', 0n],
    ['2001:4860:4860::8888', 0x20014860486000000000000000008888n],
    ['::ffff:1.2.3.4', 0xffff01020304n],
    ['fe80::1%eth0', 0xfe800000000000000000000000000001n],
    ['1:2:3:4:5:6:7:8', 0x00010002000300040005000600070008n],
    ['1:2:3:4:5:6:1.2.3.4', 0x00010002000300040005000601020304n],
  ])('parses %s', (text, value) => {
    expect(parseIpv6(text)).toBe(value);
  });
  it.each(['1:2:3:4:5:6:7:8:9', '1::2::3', '12345::', 'g::', '1.2.3.4', ':1::', '1:2:3:4:5:6:7::8:9', '::1.2.3'])(
    'rejects %j',
    (text) => {
      expect(parseIpv6(text)).toBeNull();
    },
  );
  it('formats per RFC 5952 (longest zero run, lower case, no single-group compression)', () => {
    expect(formatIpv6(parseIpv6('2001:DB8:0:0:1:0:0:1') as bigint)).toBe('2001:db8::1:0:0:1');
    expect(formatIpv6(parseIpv6('2001:db8:0:1:1:1:1:1') as bigint)).toBe('2001:db8:0:1:1:1:1:1');
    expect(formatIpv6(0n)).toBe('::');
    expect(formatIpv6(parseIpv6('::ffff:10.0.0.1') as bigint)).toBe('::ffff:10.0.0.1');
  });
});

describe('canonicalIp', () => {
  it('turns IPv4-mapped IPv6 into IPv4 and keeps zones', () => {
    expect(canonicalIp('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(canonicalIp('FE80:0::1%eth0')).toBe('fe80::1%eth0');
    expect(canonicalIp('not an ip')).toBeNull();
  });
});
