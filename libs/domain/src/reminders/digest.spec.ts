import { batchLink, buildDigest, DigestItem, digestSubject, escapeHtml, formatChineseDate } from './digest';

const BASE = 'https://console.example.cn';
const person = { displayName: '王晓明', email: 'wang@demo.example.cn' };

const item = (over: Partial<DigestItem>): DigestItem => ({
  kind: 'review',
  batchId: 1,
  institutionName: '广州职业技能鉴定中心',
  recordCount: 120,
  stageLabel: '市级审核',
  dueDate: '2026-12-04',
  workingDaysLeft: 2,
  ...over,
});

describe('digest mails (R-35, R-36)', () => {
  it.each([
    [3, 1, '【证书数据监管平台】您有 3 项待办即将到期，1 项已逾期'],
    [3, 0, '【证书数据监管平台】您有 3 项待办即将到期'],
    [0, 2, '【证书数据监管平台】您有 2 项待办已逾期'],
    [1, 1, '【证书数据监管平台】您有 1 项待办即将到期，1 项已逾期'],
    [0, 0, '【证书数据监管平台】您没有即将到期或逾期的待办'],
  ])('subject for %d due soon and %d overdue', (dueSoon, overdue, subject) => {
    expect(digestSubject(dueSoon, overdue)).toBe(subject);
  });

  it.each([
    ['2026-12-04', '2026年12月4日'],
    ['2027-01-31', '2027年1月31日'],
    ['2026-10-10', '2026年10月10日'],
  ])('writes %s in full as %s', (iso, full) => {
    expect(formatChineseDate(iso)).toBe(full);
  });

  it.each(['2026-1-4', '', '2026/12/04'])('refuses %j as a date', (bad) => {
    expect(() => formatChineseDate(bad)).toThrow(RangeError);
  });

  it.each([
    ['https://console.example.cn', 7, 'https://console.example.cn/#/batches/7/show'],
    ['http://localhost:3000/', 12, 'http://localhost:3000/#/batches/12/show'],
  ])('links %s batch %d', (base, id, link) => {
    expect(batchLink(base, id)).toBe(link);
  });

  it.each([
    ['<b>&"\'', '&lt;b&gt;&amp;&quot;&#39;'],
    ['普通文字', '普通文字'],
  ])('escapes %j', (raw, escaped) => {
    expect(escapeHtml(raw)).toBe(escaped);
  });

  it('groups overdue first, then due soon, each by due date, with institution, count, stage, date and days', () => {
    const mail = buildDigest(
      person,
      [
        item({ batchId: 3, dueDate: '2026-12-08', workingDaysLeft: 3, institutionName: '佛山技师学院' }),
        item({ batchId: 2, dueDate: '2026-11-30', workingDaysLeft: 0, overdueWorkingDays: 2, stageLabel: '省级审核' }),
        item({ batchId: 1, dueDate: '2026-12-04', workingDaysLeft: 1, recordCount: 5 }),
        item({ batchId: 4, dueDate: '2026-11-27', workingDaysLeft: 0, overdueWorkingDays: 3 }),
      ],
      BASE,
    );
    expect(mail.to).toBe('wang@demo.example.cn');
    expect(mail.subject).toBe('【证书数据监管平台】您有 2 项待办即将到期，2 项已逾期');
    const text = mail.text;
    const order = [
      '已逾期（2 项）',
      '#/batches/4/show',
      '#/batches/2/show',
      '即将到期（2 项）',
      '#/batches/1/show',
      '#/batches/3/show',
    ].map((s) => text.indexOf(s));
    expect(order.every((pos) => pos >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('广州职业技能鉴定中心（5 条记录）市级审核，截止 2026年12月4日，剩余 1 个工作日');
    expect(text).toContain('省级审核，截止 2026年11月30日，已逾期 2 个工作日');
    expect(text).toContain(`${BASE}/#/batches/3/show`);
    expect(mail.html).toContain(`<a href="${BASE}/#/batches/2/show">`);
    expect(mail.html).toContain('已逾期 3 个工作日');
  });

  it.each([
    [[item({ overdueWorkingDays: 1 })], '已逾期（1 项）', '即将到期'],
    [[item({ workingDaysLeft: 3 })], '即将到期（1 项）', '已逾期'],
  ])('leaves out an empty group', (items, present, absent) => {
    const mail = buildDigest(person, items, BASE);
    expect(mail.text).toContain(present);
    expect(mail.text).not.toContain(absent);
    expect(mail.html).not.toContain(absent);
  });

  it('an item of no batch (an R-18 upload day) has no record count and links to the upload page', () => {
    const mail = buildDigest(
      person,
      [
        item({
          kind: 'qualification_upload_day',
          batchId: null,
          recordCount: null,
          institutionName: '广州消防培训中心',
          stageLabel: '职业资格证书数据上传日（发证日期 2026-02-25 至 2026-03-10）',
          dueDate: '2026-03-16',
          workingDaysLeft: 3,
        }),
      ],
      BASE,
    );
    expect(mail.text).toContain(
      '- 广州消防培训中心职业资格证书数据上传日（发证日期 2026-02-25 至 2026-03-10），截止 2026年3月16日，剩余 3 个工作日\n' +
        '  https://console.example.cn/#/batches/create',
    );
    expect(mail.html).toContain(
      '<a href="https://console.example.cn/#/batches/create">广州消防培训中心</a>职业资格证书数据上传日',
    );
  });

  it('escapes names in HTML (they may contain < & "), but keeps them as written in the text part', () => {
    const hostile = '<script>alert("x")</script> & 某机构';
    const mail = buildDigest(
      { displayName: '张<三>', email: 'z@demo.example.cn' },
      [item({ institutionName: hostile, stageLabel: '审核 <b>' })],
      BASE,
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 某机构');
    expect(mail.html).toContain('张&lt;三&gt;');
    expect(mail.text).toContain(hostile);
  });

  it('lists at most maxItems lines, overdue first, counting the rest; subject and titles keep the full counts', () => {
    const items = [
      ...Array.from({ length: 3 }, (_, i) => item({ batchId: 10 + i, overdueWorkingDays: 1, dueDate: '2026-11-30' })),
      ...Array.from({ length: 4 }, (_, i) => item({ batchId: 20 + i, workingDaysLeft: 2 })),
    ];
    const mail = buildDigest(person, items, BASE, 5);
    expect(mail.subject).toBe('【证书数据监管平台】您有 4 项待办即将到期，3 项已逾期');
    expect(mail.text).toContain('已逾期（3 项）');
    expect(mail.text).toContain('即将到期（4 项）');
    expect(mail.text.match(/#\/batches\/\d+\/show/g)).toEqual([
      '#/batches/10/show',
      '#/batches/11/show',
      '#/batches/12/show',
      '#/batches/20/show',
      '#/batches/21/show',
    ]);
    expect(mail.text).toContain(`另有 2 项未在此列出，请登录平台查看：${BASE}/`);
    expect(mail.html).toContain(`<p>另有 2 项未在此列出，请登录平台查看：${BASE}/</p>`);
    expect(buildDigest(person, items, BASE).text).not.toContain('另有');
  });

  it('keeps a digest of the most lines within a 64 KB text column', () => {
    const long = '某某市某某区职业技能等级认定评价机构（有限公司）';
    const items = Array.from({ length: 500 }, (_, i) =>
      item({ batchId: 100000 + i, institutionName: long, stageLabel: `市级审核（督办：${long}市级证书数据管理员）` }),
    );
    const mail = buildDigest(person, items, BASE);
    expect(Buffer.byteLength(mail.html)).toBeLessThan(65_535);
    expect(Buffer.byteLength(mail.text)).toBeLessThan(65_535);
  });
});
