import { clientAddressKey } from './client-address';

describe('clientAddressKey (per-address limits)', () => {
  it('keeps IPv4 addresses, also IPv4-mapped ones', () => {
    expect(clientAddressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    const key = '2001:db8:1:2::/64';
    expect(clientAddressKey('2001:db8:1:2::1')).toBe(key);
    expect(clientAddressKey('2001:0DB8:0001:0002:ffff:1:2:3')).toBe(key);
    expect(clientAddressKey('2001:db8:1:2:abcd::9%eth0')).toBe(key);
    expect(clientAddressKey('2001:db8:1:3::1')).not.toBe(key);
    expect(clientAddressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('leaves anything else as it is', () => {
    expect(clientAddressKey('')).toBe('');
    expect(clientAddressKey('not:an:address::x')).toBe('not:an:address::x');
  });
});
