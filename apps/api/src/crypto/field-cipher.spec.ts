import { loadConfig } from '../config/app-config';
import { FieldCipher } from './field-cipher';

// ID numbers encrypted at rest (AES-256-GCM) with an HMAC blind index.
describe('FieldCipher', () => {
  const cipher = new FieldCipher(loadConfig({ NODE_ENV: 'test' }));

  it('round-trips values, with a fresh IV for every encryption across pool refills', () => {
    const plain = Array.from({ length: 3000 }, (_, i) => `44010619900101${String(i).padStart(4, '0')}`);
    const tokens = plain.map((p) => cipher.encrypt(p));
    expect(tokens.map((t) => cipher.decrypt(t))).toEqual(plain);
    const ivs = new Set(tokens.map((t) => t.split('.')[1]));
    expect(ivs.size).toBe(tokens.length);
    expect(Buffer.from(tokens[0].split('.')[1], 'base64url')).toHaveLength(12);
  });

  it('never gives the same ciphertext twice for one value', () => {
    expect(cipher.encrypt('440106199001011234')).not.toBe(cipher.encrypt('440106199001011234'));
  });

  it('refuses a tampered ciphertext', () => {
    const [v, iv, tag, data] = cipher.encrypt('440106199001011234').split('.');
    const flipped = Buffer.from(data, 'base64url');
    flipped[0] ^= 1;
    expect(() => cipher.decrypt([v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => cipher.decrypt('v0.a.b.c')).toThrow('unrecognised ciphertext');
  });

  it('gives one blind index per value, whatever its case or surrounding spaces', () => {
    expect(cipher.blindIndex(' 44010619900101123x ')).toBe(cipher.blindIndex('44010619900101123X'));
    expect(cipher.blindIndex('44010619900101123X')).not.toBe(cipher.blindIndex('440106199001011234'));
  });
});
