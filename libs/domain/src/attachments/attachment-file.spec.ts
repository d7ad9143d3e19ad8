import {
  attachmentDisplayName,
  attachmentDownloadName,
  SNIFF_HEAD_BYTES,
  SNIFF_TAIL_BYTES,
  sniffAttachment,
  type SniffResult,
} from './attachment-file';

/** As the API reads an upload: the first and the last bytes only. */
function sniff(bytes: Uint8Array): SniffResult {
  return sniffAttachment(
    bytes.subarray(0, SNIFF_HEAD_BYTES),
    bytes.subarray(Math.max(0, bytes.length - SNIFF_TAIL_BYTES)),
    bytes.length,
  );
}

const text = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const filler = (n: number, byte = 0x41) => new Uint8Array(n).fill(byte);

/** A one-page PDF as office programs write it (body, cross-reference table, trailer). */
const PDF = text(
  '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n' +
    'xref\n0 4\n0000000000 65535 f \n0000000015 00000 n \n0000000064 00000 n \n0000000121 00000 n \n' +
    'trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n191\n%%EOF\n',
);
/** 1 × 1 PNG. */
const PNG = fromBase64(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
);
/** 1 × 1 JFIF JPEG. */
const JPEG = fromBase64(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=',
);
/** The start of a Windows program: MZ header and DOS stub. */
const EXE = concat(Uint8Array.of(0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04), filler(5000, 0x00));

describe('R-24 sniffAttachment: the type from the content', () => {
  it.each([
    ['a PDF', PDF, 'application/pdf', '.pdf'],
    ['a PNG', PNG, 'image/png', '.png'],
    ['a JPEG', JPEG, 'image/jpeg', '.jpg'],
  ])('accepts %s', (_name, bytes, contentType, extension) => {
    expect(sniff(bytes)).toEqual({ ok: true, contentType, extension });
  });

  it('accepts a large PDF whose end lies far from its start, and one updated incrementally', () => {
    const large = concat(PDF.subarray(0, 100), filler(3_000_000), PDF.subarray(100));
    expect(sniff(large)).toMatchObject({ ok: true, contentType: 'application/pdf' });
    const updated = concat(PDF, text('3 0 obj\n<< >>\nendobj\nxref\n0 1\ntrailer\n<< >>\nstartxref\n400\n%%EOF\n'));
    expect(sniff(updated)).toMatchObject({ ok: true, contentType: 'application/pdf' });
  });

  it('accepts a JPEG with a camera trailer after its end marker (within 4 KiB)', () => {
    expect(sniff(concat(JPEG, filler(3000)))).toMatchObject({ ok: true, contentType: 'image/jpeg' });
  });

  it('refuses an empty file', () => {
    expect(sniff(new Uint8Array(0))).toEqual({ ok: false, reason: 'empty' });
  });

  it.each([
    ['a renamed executable', EXE],
    ['a web page', text('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>')],
    ['a web page named .pdf with a PDF-like comment', text('<html>%PDF-1.4 ... startxref %%EOF</html>')],
    ['a zip (or .docx, .xlsx)', concat(text('PK\x03\x04\x14\x00\x00\x00\x08\x00'), filler(200), text('PK\x05\x06'))],
    ['a GIF', concat(text('GIF89a'), filler(40), text(';'))],
    ['an SVG image', text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['a PDF header without a version', text('%PDF-\nstartxref\n0\n%%EOF')],
    ['a PNG signature without its header chunk', concat(PNG.subarray(0, 8), filler(40), PNG.subarray(PNG.length - 12))],
    [
      'a JPEG start marker followed by no segment',
      concat(Uint8Array.of(0xff, 0xd8, 0xff, 0x00), filler(20), JPEG.subarray(-2)),
    ],
    ['plain text', text('更正说明：姓名有误')],
  ])('refuses %s as a type not allowed', (_name, bytes) => {
    expect(sniff(bytes)).toEqual({ ok: false, reason: 'not_allowed' });
  });

  it.each([
    ['only the PDF magic', text('%PDF-1.7'), 'application/pdf'],
    ['a PDF cut off before its trailer', PDF.subarray(0, 180), 'application/pdf'],
    ['a PDF header in front of an executable', concat(text('%PDF-1.4\n'), EXE), 'application/pdf'],
    ['a PDF with its trailer more than 4 KiB before the end', concat(PDF, filler(5000)), 'application/pdf'],
    ['a PNG cut off before IEND', PNG.subarray(0, PNG.length - 12), 'image/png'],
    ['only the PNG signature and header', PNG.subarray(0, 16), 'image/png'],
    ['a JPEG cut off before its end marker', JPEG.subarray(0, JPEG.length - 2), 'image/jpeg'],
    ['a JPEG header in front of an executable', concat(JPEG.subarray(0, 20), EXE), 'image/jpeg'],
  ])('refuses %s as truncated', (_name, bytes, looksLike) => {
    expect(sniff(bytes)).toEqual({ ok: false, reason: 'truncated', looksLike });
  });
});

describe('attachmentDisplayName', () => {
  it.each([
    ['更正申请表（附件5-1）.pdf', '更正申请表（附件5-1）.pdf'],
    ['C:\\fakepath\\承诺书.jpg', '承诺书.jpg'],
    ['../../etc/passwd', 'passwd'],
    ['  扫描\u0000件\n.png ', '扫描件.png'],
    ['', '附件'],
    ['///', '附件'],
  ])('%j → %j', (name, shown) => {
    expect(attachmentDisplayName(name, '附件')).toBe(shown);
  });

  it('shortens a long name to 200 characters, keeping its extension', () => {
    const shown = attachmentDisplayName(`${'说明'.repeat(150)}.pdf`, '附件');
    expect([...shown]).toHaveLength(200);
    expect(shown.endsWith('说明.pdf')).toBe(true);
  });
});

describe('attachmentDownloadName', () => {
  it.each([
    ['勘误说明.pdf', 'application/pdf', '勘误说明.pdf'],
    ['承诺书.JPEG', 'image/jpeg', '承诺书.JPEG'],
    ['承诺书.jpg', 'image/jpeg', '承诺书.jpg'],
    ['工单.png', 'image/png', '工单.png'],
    ['扫描件.exe', 'application/pdf', '扫描件.exe.pdf'],
    ['照片.png', 'image/jpeg', '照片.png.jpg'],
    ['无扩展名', 'image/png', '无扩展名.png'],
  ] as const)('%j holding %s is saved as %j', (name, type, saved) => {
    expect(attachmentDownloadName(name, type)).toBe(saved);
  });
});
