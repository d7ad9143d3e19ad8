import { generateSecret, generateURI, verify } from 'otplib';
import { toDataURL } from 'qrcode';

/** RFC 6238 TOTP through otplib (30 s step, 6 digits), accepting one step of clock drift either way. */
export const totp = {
  newSecret: (): string => generateSecret(),
  uri: (issuer: string, label: string, secret: string): string => generateURI({ issuer, label, secret }),
  qrDataUrl: (uri: string): Promise<string> => toDataURL(uri, { margin: 1, width: 220 }),
  /** The time step the code belongs to, or null when it matches none; callers accept each step once. */
  async matchStep(secret: string, code: string): Promise<number | null> {
    if (!/^\d{6}$/.test(code)) return null;
    const result = await verify({ secret, token: code, epochTolerance: 30 });
    // `epoch` is the start of the 30 s period the code matched; its step number identifies the code.
    return result.valid && 'epoch' in result ? Math.floor(result.epoch / 30) : null;
  },
};
