import { randomBytes } from 'node:crypto';
import { pipeline, Readable, Transform } from 'node:stream';
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

  describe('stored files (R-9)', () => {
    const through = async (input: Buffer[], ...transforms: Transform[]) => {
      const out: Buffer[] = [];
      // pipeline() hands the last stream back; a failing transform destroys it with its error.
      const last = transforms.reduce<NodeJS.ReadableStream>(
        (source, t) => pipeline(source, t, () => undefined),
        Readable.from(input),
      );
      for await (const chunk of last) out.push(chunk as Buffer);
      return Buffer.concat(out);
    };
    const plain = Buffer.concat([Buffer.from('PK\x03\x04 440106199001011234 '), randomBytes(200_000)]);

    it('round-trips a file in any chunking, with no plaintext and a fresh IV per file', async () => {
      const chunks = [plain.subarray(0, 3), plain.subarray(3, 70_000), plain.subarray(70_000)];
      const stored = await through(chunks, cipher.encryptingStream());
      expect(stored.includes(Buffer.from('440106199001011234'))).toBe(false);
      expect(stored.includes(Buffer.from('PK\x03\x04', 'latin1'))).toBe(false);
      const again = await through([plain], cipher.encryptingStream());
      expect(again.subarray(4, 16).equals(stored.subarray(4, 16))).toBe(false);
      const pieces = Array.from({ length: Math.ceil(stored.length / 7) }, (_, i) => stored.subarray(i * 7, i * 7 + 7));
      expect((await through(pieces, cipher.decryptingStream())).equals(plain)).toBe(true);
      expect((await through([], cipher.encryptingStream(), cipher.decryptingStream())).length).toBe(0);
    });

    it('refuses an altered, truncated or unencrypted file', async () => {
      const stored = await through([plain], cipher.encryptingStream());
      const altered = Buffer.from(stored);
      altered[100] ^= 1;
      await expect(through([altered], cipher.decryptingStream())).rejects.toThrow();
      await expect(through([stored.subarray(0, stored.length - 1)], cipher.decryptingStream())).rejects.toThrow();
      await expect(through([plain], cipher.decryptingStream())).rejects.toThrow('not encrypted');
    });
  });
});
