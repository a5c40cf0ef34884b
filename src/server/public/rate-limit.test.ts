import { describe, expect, it } from 'vitest';
import { rateLimitKey } from './rate-limit';

describe('rateLimitKey', () => {
  it('counts an IPv4 address as itself', () => {
    expect(rateLimitKey('198.51.100.7')).toBe('198.51.100.7');
    expect(rateLimitKey('198.51.100.8')).not.toBe(rateLimitKey('198.51.100.7'));
  });

  it('counts every address of one IPv6 /64 as one, however it is written', () => {
    const key = '2001:db8:4a1:7c::/64';
    for (const address of [
      '2001:db8:4a1:7c::1',
      '2001:db8:4a1:7c::ffff',
      '2001:0db8:04a1:007c:0000:0000:0000:0001',
      '2001:DB8:4A1:7C:1234:5678:9abc:def0',
      '2001:db8:4a1:7c:1::',
      '2001:db8:4a1:7c:a:b:198.51.100.7',
      '2001:db8:4a1:7c::2%eth0',
    ])
      expect(rateLimitKey(address), address).toBe(key);
  });

  it('counts two /64s apart, also where :: hides the differing group', () => {
    expect(rateLimitKey('2001:db8:4a1:7d::1')).toBe('2001:db8:4a1:7d::/64');
    expect(rateLimitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitKey('2001:db8::1:0:0:1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitKey('2001:db8:0:1::1')).toBe('2001:db8:0:1::/64');
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitKey('::')).toBe('0:0:0:0::/64');
  });

  it('counts an IPv4-mapped IPv6 address as its IPv4 address, dotted or in hex', () => {
    expect(rateLimitKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(rateLimitKey('::FFFF:c633:6407')).toBe('198.51.100.7');
    expect(rateLimitKey('0:0:0:0:0:ffff:198.51.100.7')).toBe('198.51.100.7');
    // Not mapped: another prefix before ffff is an IPv6 host of its own /64.
    expect(rateLimitKey('::1:ffff:198.51.100.7')).toBe('0:0:0:0::/64');
  });

  it('leaves what is no address as it is', () => {
    expect(rateLimitKey('unknown')).toBe('unknown');
    expect(rateLimitKey('')).toBe('');
  });
});
