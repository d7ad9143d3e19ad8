import { generateSecret, generateURI, verify } from 'otplib';
import { toDataURL } from 'qrcode';

/** RFC 6238 TOTP through otplib (30 s step, 6 digits), accepting one step of clock drift either way. */
export const totp = {
  newSecret: (): string => generateSecret(),
  uri: (issuer: string, label: string, secret: string): string => generateURI({ issuer, label, secret }),
  qrDataUrl: (uri: string): Promise<string> => toDataURL(uri, { margin: 1, width: 220 }),
  async check(secret: string, code: string): Promise<boolean> {
    if (!/^\d{6}$/.test(code)) return false;
    const result = await verify({ secret, token: code, epochTolerance: 30 });
    return result.valid;
  },
};
