/**
 * The key a client address is counted under by per-address limits: an IPv4 address as it is (also
 * when written as IPv4-mapped IPv6), an IPv6 address by its /64 network — one subscriber usually holds a whole /64
 * and can give every request a new address inside it, so counting single IPv6 addresses would count nothing.
 * Anything else (an empty or unparsable value) is its own key.
 */
export function clientAddressKey(address: string): string {
  const text = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (mapped) return mapped[1];
  if (!text.includes(':')) return text;
  const groups = expandIpv6(text.split('%')[0]);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : text;
}

/** The eight groups of an IPv6 address, without leading zeros; null when it is not one. */
function expandIpv6(text: string): string[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const part = (s: string) => (s === '' ? [] : s.split(':'));
  const head = part(halves[0]);
  const tail = halves.length === 2 ? part(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => g.replace(/^0+(?=.)/, ''));
}
