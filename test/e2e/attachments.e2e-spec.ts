import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binaryParser } from './support/batch-sheets';
import { executableFile, JPEG_FILE, pdfFile, PNG_FILE } from './support/attachment-files';
import { createTestApp, organisationId, TestApp } from './support/test-app';

/** A small limit, so "too large" needs no 20 MB upload. */
const MAX_BYTES = 64 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

// attachments typed from their content, stored with their checksum, read only within jurisdiction.
describe('attachments (R-24)', () => {
  let t: TestApp;
  let storage: string;
  const bearer = async (username: string) => ({ Authorization: `Bearer ${await t.login(username)}` });
  const upload = async (
    username: string,
    file: Buffer,
    fileName: string,
    purpose = 'erratum_statement',
    declaredType = 'application/pdf',
  ) =>
    t.http
      .post('/api/admin/attachments')
      .set(await bearer(username))
      .field('purpose', purpose)
      .attach('file', file, { filename: fileName, contentType: declaredType });
  const metadata = async (username: string, id: number) =>
    t.http.get(`/api/admin/attachments/${id}`).set(await bearer(username));
  const content = async (username: string, id: number) =>
    t.http
      .get(`/api/admin/attachments/${id}/content`)
      .set(await bearer(username))
      .buffer(true)
      .parse(binaryParser);
  const storedFiles = (): string[] =>
    (readdirSync(storage, { recursive: true }) as string[])
      .map((f) => join(storage, f))
      .filter((f) => statSync(f).isFile());
  const rowCount = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM attachments'))[0].n);
  const audits = async (action: string, targetId: number, username: string) =>
    Number(
      (
        await t.dataSource.query(
          'SELECT COUNT(*) AS n FROM audit_logs WHERE action = ? AND target_id = ? AND username = ?',
          [action, String(targetId), username],
        )
      )[0].n,
    );

  beforeAll(async () => {
    storage = mkdtempSync(join(tmpdir(), 'attach-files-'));
    t = await createTestApp({ env: { STORAGE_DIR: storage, ATTACHMENT_MAX_BYTES: String(MAX_BYTES) } });
  });

  afterAll(async () => {
    await t.close();
  });

  it('stores a PDF with its SHA-256, keeps the Chinese file name, and encrypts the stored bytes', async () => {
    const pdf = pdfFile('erratum gz1');
    const res = await upload(
      'inst_gz1',
      pdf,
      '数据勘误说明（附件5-1）.pdf',
      'erratum_statement',
      'application/octet-stream',
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      purpose: 'erratum_statement',
      fileName: '数据勘误说明（附件5-1）.pdf',
      size: pdf.length,
      sha256: sha256(pdf),
      contentType: 'application/pdf',
      organisationId: await organisationId(t.dataSource, '广州市白云区粤厨职业培训学校'),
      organisationName: '广州市白云区粤厨职业培训学校',
      uploadedByName: '周敏（inst_gz1）',
    });
    expect(res.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const [row] = await t.dataSource.query('SELECT file_key, file_name FROM attachments WHERE id = ?', [res.body.id]);
    expect(row.file_name).toBe('数据勘误说明（附件5-1）.pdf');
    expect(row.file_key).toMatch(/^attachments\/\d{8}\/[0-9a-f-]{36}\.pdf$/);
    const stored = readFileSync(join(storage, row.file_key));
    expect(stored.includes(Buffer.from('%PDF'))).toBe(false);
    expect(await audits('attachment.upload', res.body.id, 'inst_gz1')).toBe(1);
  });

  it('takes the type from the content, not from the name or the declared type', async () => {
    const png = await upload('gz_admin', PNG_FILE, '持证人承诺书.pdf', 'holder_commitment', 'application/pdf');
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({ contentType: 'image/png', sha256: sha256(PNG_FILE), size: PNG_FILE.length });
    const jpeg = await upload('gz_admin', JPEG_FILE, 'work-order', 'work_order', 'text/html');
    expect(jpeg.status).toBe(201);
    expect(jpeg.body.contentType).toBe('image/jpeg');
  });

  it.each([
    ['a renamed executable', executableFile(), '扫描件.pdf'],
    [
      'an executable behind a copied PDF header',
      Buffer.concat([Buffer.from('%PDF-1.4\n'), executableFile()]),
      '说明.pdf',
    ],
    ['a web page', Buffer.from('<html><script>alert(1)</script></html>'), '说明.pdf'],
    ['an empty file', Buffer.alloc(0), '空.pdf'],
  ])('refuses %s with 422 ATTACHMENT_TYPE_NOT_ALLOWED and stores nothing', async (_what, bytes, name) => {
    const rows = await rowCount();
    const files = storedFiles().length;
    const res = await upload('inst_gz1', bytes, name);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    expect(res.body.message).toMatch(/PDF|空文件/);
    expect(await rowCount()).toBe(rows);
    expect(storedFiles()).toHaveLength(files);
  });

  it('refuses a file over the configured limit with 413 and stores nothing', async () => {
    const rows = await rowCount();
    const files = storedFiles().length;
    const big = pdfFile('x'.repeat(MAX_BYTES));
    const res = await upload('inst_gz1', big, '过大的扫描件.pdf');
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', message: expect.stringContaining('0.06 MB') });
    expect(await rowCount()).toBe(rows);
    expect(storedFiles()).toHaveLength(files);
    // A file of exactly the limit still fits (the note's length moves the xref offset's digits: settle it twice).
    const note = MAX_BYTES - pdfFile('').length;
    const fits = pdfFile('y'.repeat(note - (pdfFile('y'.repeat(note)).length - MAX_BYTES)));
    expect(fits.length).toBe(MAX_BYTES);
    expect((await upload('inst_gz1', fits, '刚好不超限.pdf')).status).toBe(201);
  });

  it('refuses an unknown purpose, a missing file, and roles without the permission', async () => {
    const bad = await upload('inst_gz1', pdfFile(), 'a.pdf', 'selfie');
    expect(bad.status).toBe(400);
    const none = await t.http
      .post('/api/admin/attachments')
      .set(await bearer('inst_gz1'))
      .field('purpose', 'other');
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('ATTACHMENT_NO_FILE');
    expect((await upload('auditor', pdfFile(), 'a.pdf')).status).toBe(403);
    // A refused field leaves no temporary copy of the upload behind.
    expect(await t.uploadsLeft()).toEqual([]);
  });

  describe('within jurisdiction only', () => {
    let sichuan: number;
    let guangzhou: number;
    const pdf = pdfFile('sichuan');

    beforeAll(async () => {
      const res = await upload('inst_cd1', pdf, '成都 勘误说明.pdf');
      expect(res.status).toBe(201);
      sichuan = res.body.id;
      const gz = await upload('inst_gz1', pdfFile('guangzhou'), '广州 承诺书.pdf', 'holder_commitment');
      expect(gz.status).toBe(201);
      guangzhou = gz.body.id;
    });

    it.each(['gd_admin', 'gd_reviewer', 'gz_admin', 'inst_gz1'])(
      "answers 404 to %s for another province's attachment, metadata and content, without a download record",
      async (username) => {
        const meta = await metadata(username, sichuan);
        expect(meta.status).toBe(404);
        expect(meta.body.code).toBe('NOT_FOUND');
        const bytes = await content(username, sichuan);
        expect(bytes.status).toBe(404);
        expect(await audits('attachment.view', sichuan, username)).toBe(0);
        expect(await audits('attachment.download', sichuan, username)).toBe(0);
      },
    );

    it('answers 404 to another institution of the same city', async () => {
      expect((await metadata('inst_gz2', guangzhou)).status).toBe(404);
      expect((await content('inst_gz2', guangzhou)).status).toBe(404);
    });

    it.each(['inst_cd1', 'cd_admin', 'sc_reviewer', 'nat_reviewer'])(
      'lets %s (the owner and the centres above it) read it, audited',
      async (username) => {
        const meta = await metadata(username, sichuan);
        expect(meta.status).toBe(200);
        expect(meta.body).toMatchObject({ id: sichuan, fileName: '成都 勘误说明.pdf', sha256: sha256(pdf) });
        expect(await audits('attachment.view', sichuan, username)).toBe(1);
      },
    );

    it('serves the bytes as a download with the sniffed type, the UTF-8 name and nosniff, and audits it', async () => {
      expect(await audits('attachment.download', sichuan, 'sc_reviewer')).toBe(0);
      const res = await content('sc_reviewer', sichuan);
      expect(res.status).toBe(200);
      expect(Buffer.compare(res.body as Buffer, pdf)).toBe(0);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="attachment-${sichuan}.pdf"; filename*=UTF-8''${encodeURIComponent('成都 勘误说明.pdf')}`,
      );
      expect(await audits('attachment.download', sichuan, 'sc_reviewer')).toBe(1);
    });

    it('saves a file named like a program under the extension of its real type', async () => {
      const res = await upload('inst_gz1', pdfFile('exe name'), '说明.exe');
      expect(res.status).toBe(201);
      expect(res.body.fileName).toBe('说明.exe');
      const download = await content('inst_gz1', res.body.id);
      expect(download.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('说明.exe.pdf')}`,
      );
    });

    it('lists attachments within jurisdiction, filtered by purpose and organisation', async () => {
      const list = async (username: string, filter: object = {}) =>
        t.http
          .get('/api/admin/attachments')
          .query({ filter: JSON.stringify(filter), range: '[0,99]', sort: '["id","DESC"]' })
          .set(await bearer(username));
      const gz = await list('gz_admin');
      expect(gz.status).toBe(200);
      expect(gz.headers['content-range']).toMatch(/^attachments 0-\d+\/\d+$/);
      const ids = (gz.body as { id: number }[]).map((a) => a.id);
      expect(ids).toContain(guangzhou);
      expect(ids).not.toContain(sichuan);
      const commitments = await list('inst_gz1', { purpose: ['holder_commitment'] });
      expect((commitments.body as { id: number; purpose: string }[]).map((a) => a.id)).toEqual([guangzhou]);
      const institution = await organisationId(t.dataSource, '广州市白云区粤厨职业培训学校');
      const own = await list('gz_admin', { organisationId: institution });
      expect((own.body as { organisationId: number }[]).every((a) => a.organisationId === institution)).toBe(true);
      expect((own.body as unknown[]).length).toBeGreaterThan(1);
      const other = await list('inst_gz2');
      expect((other.body as { id: number }[]).map((a) => a.id)).not.toContain(guangzhou);
      const national = await list('nat_reviewer', { id: [sichuan, guangzhou] });
      expect((national.body as { id: number }[]).map((a) => a.id).sort()).toEqual([sichuan, guangzhou].sort());
    });
  });
});
