import { describe, expect, it } from 'vitest';
import { findAsn, parseAsnIpv4Csv, parseAsnIpv6Csv } from '../../../main/core/geo/asn-table.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseAsnIpv4Csv / findAsn', () => {
  const csv = [
    '16777216,16777471,13335,"Cloudflare, Inc."',
    '16778240,16779263,38803,Gtelecom Pty Ltd',
    'garbage line',
    '16781312,16781567,2519,"Say ""hi"" Corp"',
    '5,4,1,end before start',
    '16793600,16809983,18144,Enecom',
    '16809984,168',
  ].join('\r\n');
  const table = parseAsnIpv4Csv(bytes(csv));

  it('keeps good rows, counts bad ones (garbage, inverted, truncated)', () => {
    expect(table.starts.length).toBe(4);
    expect(table.malformed).toBe(3);
  });
  it('finds the containing range, unquotes org names', () => {
    expect(findAsn(table, 16777216)).toEqual({ asn: 13335, org: 'Cloudflare, Inc.' });
    expect(findAsn(table, 16777471)).toEqual({ asn: 13335, org: 'Cloudflare, Inc.' });
    expect(findAsn(table, 16781400)).toEqual({ asn: 2519, org: 'Say "hi" Corp' });
  });
  it('returns null in gaps and outside all ranges', () => {
    expect(findAsn(table, 16777472)).toBeNull();
    expect(findAsn(table, 0)).toBeNull();
    expect(findAsn(table, 0xffffffff)).toBeNull();
  });
  it('sorts unsorted input', () => {
    const unsorted = parseAsnIpv4Csv(bytes('200,300,2,B\n10,20,1,A\n'));
    expect(findAsn(unsorted, 15)).toEqual({ asn: 1, org: 'A' });
    expect(findAsn(unsorted, 250)).toEqual({ asn: 2, org: 'B' });
  });
});

describe('parseAsnIpv6Csv', () => {
  it('handles 128-bit decimal keys', () => {
    const table = parseAsnIpv6Csv(
      bytes('42540488161975842760550356425300246528,42540488241204005274814694018844196863,6939,Hurricane Electric LLC\n'),
    );
    expect(findAsn(table, 0x20010000000000000000000000000001n)).toEqual({ asn: 6939, org: 'Hurricane Electric LLC' });
    expect(findAsn(table, 1n)).toBeNull();
  });
});
