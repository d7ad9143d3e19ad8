import {
  BatchDuplicateDetector,
  CERTIFICATE_RECORD_COLUMNS,
  analyzeCertificateNumber,
  createOccupationCatalogue,
  findBatchDuplicates,
  formatSkillLevelCertificateNumber,
  parseAssessmentResult,
  parseCertificateLevel,
  parseCertificateRecord,
  parseDateInput,
  parseEducation,
  parseGender,
  parseIdType,
  parseHistoricalOccupationsCsv,
  parseOccupationCatalogueCsv,
  parseOccupationHistoryConfig,
  validateCertificateRecord,
  type CertificateRecordInput,
  type CertificateValidationContext,
} from './index';

const CSV = `code,name,levels,in_qualification_catalogue_2021,source
6-18-01-01,车工,5|4|3|2|1,no,D22
4-03-02-01,中式烹调师,5|4|3|2|1,no,D22
4-10-01-05,养老护理员,5|4|3,no,D22
4-07-05-01,保安员,,yes,D22;Q21
`;
const catalogue = createOccupationCatalogue(parseOccupationCatalogueCsv(CSV));

const ctx: CertificateValidationContext = {
  today: '2025-06-30',
  kind: 'skill_level',
  catalogue,
  institution: {
    registeredAt: '2021-03-01',
    scope: [
      {
        occupationCode: '6-18-01-01',
        occupationName: '车工',
        levels: [5, 4, 3],
        validFrom: '2021-03-01',
        validTo: null,
      },
      {
        occupationCode: '4-10-01-05',
        occupationName: '养老护理员',
        levels: [5, 4],
        validFrom: '2021-03-01',
        validTo: '2023-12-31',
      },
    ],
  },
};

// A 1990-05-17 male resident of 广州市天河区 (checksum valid).
const ID_MALE = '440106199005170014';
const valid: CertificateRecordInput = {
  holderName: '王晓明',
  idType: '居民身份证',
  idNumber: ID_MALE,
  gender: '男',
  birthDate: '1990-05-17',
  education: '大学本科',
  occupationCode: '6-18-01-01',
  occupationName: '车工',
  workType: '',
  level: '三级/高级工',
  certificateNumber: 'Y000044000001253000123',
  issueDate: '2025-03-10',
  admissionTicket: 'ZK2025030001',
  theoryScore: '84.8',
  practicalScore: 85.5,
  comprehensiveScore: '',
  result: '良好',
};

function errorsOf(input: CertificateRecordInput, c: CertificateValidationContext = ctx) {
  return validateCertificateRecord(input, c)
    .filter((i) => i.severity === 'error')
    .map((i) => `${i.column}: ${i.message}`);
}

describe('code tables (R-6, R-7, 2013 table)', () => {
  it.each([
    [parseCertificateLevel, '三级/高级工', 3],
    [parseCertificateLevel, '高级工', 3],
    [parseCertificateLevel, '高级', 3],
    [parseCertificateLevel, '高级技师', 1],
    [parseCertificateLevel, '五级/初级技能', 5],
    [parseCertificateLevel, '三级 / 高级工', 3],
    [parseCertificateLevel, '三级／高级工', 3],
    [parseCertificateLevel, 2, 2],
    [parseCertificateLevel, '6', null],
    [parseGender, '男', 1],
    [parseGender, '2', 2],
    [parseGender, 9, 9],
    [parseGender, '未知', 0],
    [parseGender, 'M', null],
    [parseEducation, '大学本科', 92],
    [parseEducation, '91', 91],
    [parseEducation, '大专', 93],
    [parseEducation, '文盲或半文盲', 99],
    [parseEducation, '90', null],
    [parseIdType, '居民身份证', 1],
    [parseIdType, '身份证', 1],
    [parseIdType, '台胞证', 3],
    [parseIdType, '9', 9],
    [parseAssessmentResult, '优秀', 4],
    [parseAssessmentResult, '1', 1],
    [parseAssessmentResult, '1.0', 1],
    [parseAssessmentResult, '', null],
  ] as const)('%p(%j) → %j', (parse, raw, code) => {
    expect((parse as (v: string | number) => unknown)(raw)).toBe(code);
  });
});

describe('parseDateInput', () => {
  it.each([
    ['2025-03-10', '2025-03-10'],
    ['2025-3-1', '2025-03-01'],
    ['2025/03/10', '2025-03-10'],
    ['2025.3.10', '2025-03-10'],
    ['20250310', '2025-03-10'],
    ['2025年3月10日', '2025-03-10'],
    ['', null],
  ])('%j → %j', (raw, value) => {
    expect(parseDateInput(raw)).toEqual({ ok: true, value });
  });
  it.each(['2025-02-29', '2025-13-01', '10/03/2025', '2025-03-10T00:00:00Z', 'abc'])('refuses %j', (raw) => {
    expect(parseDateInput(raw).ok).toBe(false);
  });
});

describe('certificate numbers (Appendix B)', () => {
  it('reads the 22-character skill-level layout', () => {
    expect(analyzeCertificateNumber('y000044000001253000123')).toEqual({
      normalized: 'Y000044000001253000123',
      charsetOk: true,
      layout: 'skill_level_22',
      parts: {
        bodyType: 'Y',
        institutionCode: '0000',
        provinceCode: '44',
        siteCode: '000001',
        year2: '25',
        level: 3,
        serial: '000123',
      },
    });
    expect(analyzeCertificateNumber('0101120201100058').layout).toBe('qualification_16');
    expect(analyzeCertificateNumber('GD-2025-0001').layout).toBe('unknown');
    expect(analyzeCertificateNumber('证书001').charsetOk).toBe(false);
  });

  it('formats numbers that read back', () => {
    const n = formatSkillLevelCertificateNumber({
      bodyType: 'S',
      institutionCode: 'A1B2',
      provinceCode: '51',
      siteCode: '000123',
      year: 2024,
      level: 4,
      serial: 42,
    });
    expect(n).toBe('SA1B251000123244000042');
    expect(analyzeCertificateNumber(n).parts).toMatchObject({
      provinceCode: '51',
      year2: '24',
      level: 4,
      serial: '000042',
    });
  });
});

describe('validateCertificateRecord (R-8)', () => {
  it('accepts a valid record and returns it parsed', () => {
    const parsed = parseCertificateRecord(valid, ctx);
    expect(parsed.issues).toEqual([]);
    expect(parsed.record).toEqual({
      kind: 'skill_level',
      holderName: '王晓明',
      idType: 1,
      idNumber: ID_MALE,
      idNumberCanonical: ID_MALE,
      gender: 1,
      birthDate: '1990-05-17',
      education: 92,
      occupationCode: '6-18-01-01',
      occupationName: '车工',
      workType: null,
      level: 3,
      certificateNumber: 'Y000044000001253000123',
      issueDate: '2025-03-10',
      admissionTicket: 'ZK2025030001',
      theoryScore: 84.8,
      practicalScore: 85.5,
      comprehensiveScore: null,
      result: 3,
    });
  });

  it('derives gender and birth date from the resident ID when left empty; numeric codes are accepted', () => {
    const parsed = parseCertificateRecord(
      { ...valid, gender: '', birthDate: undefined, idType: '1', level: '3', education: 92 },
      ctx,
    );
    expect(parsed.record).toMatchObject({ gender: 1, birthDate: '1990-05-17', idType: 1, level: 3, education: 92 });
  });

  it.each<[string, CertificateRecordInput, string[]]>([
    ['empty name', { holderName: ' ' }, ['姓名: 姓名不能为空']],
    ['name with digits', { holderName: '王明2' }, ['姓名: 姓名含有不允许的字符“2”']],
    [
      'name of 11 CJK characters',
      { holderName: '阿卜杜热合曼买买提艾力' },
      ['姓名: 姓名过长：最多10个汉字或20个英文字符'],
    ],
    ['minority name with middle dot', { holderName: '买买提·艾力' }, []],
    ['Latin name of 20 characters', { holderName: 'Jean Pierre Dupontes' }, []],
    [
      'Latin name of 21 characters',
      { holderName: 'Jean Pierre Dupontess' },
      ['姓名: 姓名过长：最多10个汉字或20个英文字符'],
    ],
    ['unknown ID type', { idType: '军官证' }, [expect.stringContaining('证件类型: 证件类型“军官证”无效')]],
    ['bad check character', { idNumber: '440106199005170017' }, ['证件号码: 居民身份证号码校验位错误']],
    [
      'R-8: legacy 15-digit number on a certificate issued after 2012',
      { idNumber: '440106900517001' },
      [expect.stringContaining('15位旧版')],
    ],
    ['gender disagrees with ID', { gender: '女' }, ['性别: 性别与证件号码不一致（证件号码显示为男）']],
    [
      'R-8 (seed 003 性别): gender 9 未说明 against a resident ID that states male',
      { gender: '9' },
      ['性别: 性别不能为“未说明”：居民身份证号码已表明性别为男，请填写男或留空'],
    ],
    [
      'R-8 (seed 003 性别): gender 0 未知 against a resident ID that states male',
      { gender: '未知' },
      ['性别: 性别不能为“未知”：居民身份证号码已表明性别为男，请填写男或留空'],
    ],
    [
      'R-8 (seed 003 评定成绩): result 1 不合格 is no certificate',
      { result: '不合格' },
      ['评定成绩: 评定成绩为“不合格”：考核不合格者不颁发证书，该记录不能作为证书数据上报'],
    ],
    [
      'R-8 (seed 003 评定成绩): result code 1 is no certificate',
      { result: 1 },
      ['评定成绩: 评定成绩为“不合格”：考核不合格者不颁发证书，该记录不能作为证书数据上报'],
    ],
    ['result 2 合格 is a certificate', { result: '2' }, []],
    ['result 4 优秀 is a certificate', { result: '优秀' }, []],
    [
      'birth date disagrees with ID',
      { birthDate: '1990-05-18' },
      ['出生日期: 出生日期与证件号码不一致（证件号码显示为1990-05-17）'],
    ],
    [
      'impossible birth date',
      { birthDate: '1990-02-30' },
      [expect.stringContaining('出生日期: 出生日期“1990-02-30”格式错误')],
    ],
    ['unknown education', { education: '90' }, [expect.stringContaining('文化程度: 文化程度“90”无效')]],
    ['occupation code format', { occupationCode: '61801' }, ['职业编码: 职业编码“61801”格式错误，应形如6-18-01-01']],
    [
      'occupation not in catalogue',
      { occupationCode: '6-18-01-99' },
      ['职业编码: 职业编码“6-18-01-99”不在平台职业目录（职业分类大典2022年版）中'],
    ],
    [
      'occupation name mismatch',
      { occupationName: '铣工' },
      ['职业名称: 职业名称与职业编码不符：6-18-01-01对应“车工”'],
    ],
    [
      'occupation outside scope',
      { occupationCode: '4-03-02-01', occupationName: '中式烹调师' },
      ['职业编码: 职业“4-03-02-01 中式烹调师”不在本机构备案的评价范围内'],
    ],
    [
      'level outside scope',
      { level: '二级/技师', certificateNumber: 'Y000044000001252000123' },
      ['职业技能等级: 职业技能等级“二级/技师”不在本机构该职业备案的等级范围内'],
    ],
    [
      'scope expired on the issue date',
      {
        occupationCode: '4-10-01-05',
        occupationName: '养老护理员',
        level: 4,
        certificateNumber: 'Y000044000001254000123',
      },
      ['发证日期: 发证日期不在该职业备案有效期内（2021-03-01至2023-12-31）'],
    ],
    ['missing level', { level: '' }, ['职业技能等级: 职业技能等级不能为空']],
    ['bad level', { level: '特级' }, [expect.stringContaining('职业技能等级: 职业技能等级“特级”无效')]],
    ['missing certificate number', { certificateNumber: '' }, ['证书编号: 证书编号不能为空']],
    [
      'certificate number charset',
      { certificateNumber: 'Y0000 440000' },
      [expect.stringContaining('证书编号: 证书编号只能包含')],
    ],
    ['issue date in the future', { issueDate: '2025-07-01' }, ['发证日期: 发证日期不能晚于今天（2025-06-30）']],
    [
      'issue date before registration',
      { issueDate: '2021-02-28' },
      ['发证日期: 发证日期早于本机构备案日期（2021-03-01）'],
    ],
    ['issue date missing', { issueDate: '' }, ['发证日期: 发证日期不能为空']],
    [
      'score above 100',
      { theoryScore: '100.5' },
      [expect.stringContaining('理论知识考试成绩: 理论知识考试成绩“100.5”无效')],
    ],
    ['score with two decimals', { practicalScore: 85.55 }, [expect.stringContaining('操作技能考核成绩')]],
    ['negative score', { comprehensiveScore: '-1' }, [expect.stringContaining('综合评审成绩')]],
    ['bad result', { result: '5' }, [expect.stringContaining('评定成绩: 评定成绩“5”无效')]],
    ['admission ticket charset', { admissionTicket: '准考证1' }, [expect.stringContaining('准考证号')]],
  ])('%s', (_name, patch, expected) => {
    expect(errorsOf({ ...valid, ...patch })).toEqual(expected);
  });

  it('R-8: the holder must be 16 on the issue date (birthday itself counts)', () => {
    // Born 2009-03-10: 16 on 2025-03-10.
    const id = '440106200903100013';
    const base = { ...valid, idNumber: id, birthDate: '2009-03-10' };
    expect(errorsOf({ ...base, issueDate: '2025-03-10' })).toEqual([]);
    expect(errorsOf({ ...base, issueDate: '2025-03-09' })).toEqual([
      '发证日期: 发证日期时持证人未满16周岁（出生日期2009-03-10）',
    ]);
  });

  it('R-8: accepts a 15-digit ID on a certificate issued before 2013-01-01, matched by its 18-digit form', () => {
    const early = {
      ...ctx,
      institution: { registeredAt: '2000-01-01', scope: [{ ...ctx.institution.scope[0], validFrom: '2000-01-01' }] },
    };
    const legacy = { ...valid, idNumber: '440106900517001', certificateNumber: '0101120201100058' };
    expect(parseCertificateRecord({ ...legacy, issueDate: '2012-12-31' }, early).record).toMatchObject({
      idNumber: '440106900517001',
      idNumberCanonical: ID_MALE,
    });
    expect(errorsOf({ ...legacy, issueDate: '2013-01-01' }, early)).toEqual([
      '证件号码: 15位旧版居民身份证号码（第一代居民身份证）自2013年1月1日起停止使用，2013年1月1日及以后发证的证书请填写18位号码',
    ]);
  });

  it('R-8: gender 未知/未说明 is accepted where the ID number does not state one', () => {
    expect(errorsOf({ ...valid, idType: '护照', idNumber: 'E12345678', gender: '未说明' })).toEqual([]);
    expect(errorsOf({ ...valid, idType: '护照', idNumber: 'E12345678', gender: '0' })).toEqual([]);
  });

  it('validates other ID types loosely and then needs gender and birth date', () => {
    const passport = { ...valid, idType: '护照', idNumber: 'E12345678' };
    expect(errorsOf(passport)).toEqual([]);
    expect(errorsOf({ ...passport, gender: '', birthDate: '' })).toEqual([
      '性别: 性别不能为空',
      '出生日期: 出生日期不能为空',
    ]);
    expect(errorsOf({ ...passport, idNumber: 'E1' })).toEqual(['证件号码: 护照号码格式错误：应为5—17位字母或数字']);
  });

  it('warns (does not refuse) about unusual certificate-number layouts', () => {
    const issues = validateCertificateRecord({ ...valid, certificateNumber: 'GD-2025-0001' }, ctx);
    expect(issues).toEqual([
      { column: '证书编号', message: '证书编号不是常见的22位职业技能等级证书编号格式，请核对', severity: 'warning' },
    ]);
    expect(parseCertificateRecord({ ...valid, certificateNumber: 'GD-2025-0001' }, ctx).record).not.toBeNull();
    const mismatched = validateCertificateRecord({ ...valid, certificateNumber: 'Y000044000001244000123' }, ctx);
    expect(mismatched.map((i) => [i.severity, i.message])).toEqual([
      ['warning', '证书编号中的等级位（4）与职业技能等级不一致，请核对'],
      ['warning', '证书编号中的年份位（24）与发证年份不一致，请核对'],
    ]);
    const qualification = validateCertificateRecord(
      { ...valid, certificateNumber: '0101120201100058' },
      { ...ctx, kind: 'qualification' },
    );
    expect(qualification).toEqual([]);
  });

  it('every issue names a template column', () => {
    const headers = new Set<string>(CERTIFICATE_RECORD_COLUMNS.map((c) => c.header));
    const issues = validateCertificateRecord({}, ctx);
    expect(issues.length).toBeGreaterThan(5);
    for (const issue of issues) {
      expect(headers.has(issue.column)).toBe(true);
    }
  });
});

describe('batch duplicates (R-8)', () => {
  const row = (rowNumber: number, idNumber: string, certificateNumber: string, level = 3) => ({
    rowNumber,
    kind: 'skill_level' as const,
    idNumber,
    occupationCode: '6-18-01-01',
    level,
    certificateNumber,
  });

  it('flags the later row and names the earlier one', () => {
    expect(
      findBatchDuplicates([
        row(2, ID_MALE, 'A1'),
        row(3, ID_MALE, 'A2', 4),
        row(4, ID_MALE, 'A3'),
        row(5, '11010519491231002X', 'A1'),
      ]),
    ).toEqual([
      {
        row: 4,
        column: '证件号码',
        message: '与第2行重复：同一证件号码、职业、等级和证书类别的证书在本批次中出现两次',
        severity: 'error',
      },
      { row: 5, column: '证书编号', message: '证书编号与第2行重复', severity: 'error' },
    ]);
  });

  it('keeps state across calls while streaming', () => {
    const d = new BatchDuplicateDetector();
    expect(d.check(row(2, ID_MALE, 'A1'))).toEqual([]);
    expect(d.check(row(9, ID_MALE, 'A1'))).toHaveLength(2);
  });
});

describe('occupation catalogue', () => {
  it('parses the CSV and looks up by code and name', () => {
    expect(catalogue.byCode('6-18-01-01')).toEqual({
      code: '6-18-01-01',
      name: '车工',
      levels: [5, 4, 3, 2, 1],
      inQualificationCatalogue2021: 'no',
      sourceKeys: ['D22'],
    });
    expect(catalogue.byName('保安员')).toMatchObject({
      code: '4-07-05-01',
      levels: [],
      inQualificationCatalogue2021: 'yes',
    });
  });
  it.each([
    ['code,name\n6-18-01-01,车工', '缺少'],
    ['code,name,levels\n618,车工,5', '第2行'],
    ['code,name,levels\n6-18-01-01,车工,7', '等级无效'],
    ['code,name,levels\n6-18-01-01,车工,5\n6-18-01-01,车工,4', '重复'],
  ])('refuses a broken catalogue', (csv, message) => {
    expect(() => parseOccupationCatalogueCsv(csv)).toThrow(message);
  });
});

describe('qualification catalogues and historical codes by issue date (R-8, seeds 003, 004)', () => {
  const HISTORY_CSV = `code,name,levels,in_qualification_catalogue_2021,source
6-18-01-01,车工,5|4|3|2|1,no,D22;LV-NM;Q17
4-10-01-05,养老护理员,5|4|3,no,D22;LV-2209
4-07-05-01,保安员,,yes,D22;Q21;Q17
4-07-05-02,安检员,,partial,D22;Q21(民航安全检查员 only);Q17
4-07-05-03,消防设施操作员,5|4|3|2|1,yes,D22;Q21;Q17;LV-FIRE
3-02-03-06,森林消防员,,yes,D22;Q21
4-10-01-03,保育师,5|4|3,no,D22;unsure:Q17 lists 保育员
`;
  const history = parseOccupationHistoryConfig({
    catalogues: [
      { id: 'Q21', title: '国家职业资格目录（2021年版）', notice: '2021年版目录', effective: '2021-11-23' },
      {
        id: 'Q17',
        title: '国家职业资格目录',
        notice: '人社部发〔2017〕68号',
        effective: new Date('2017-09-12T00:00:00Z'),
      },
    ],
    classifications: [{ id: 'D22', title: '中华人民共和国职业分类大典（2022年版）', published: '2022-09-28' }],
  });
  const historical = parseHistoricalOccupationsCsv(`code,name,classification,current_code,source
6-04-01-01,车工,D99,6-18-01-01,seed 003
4-07-05-04,消防设施操作员,D15,4-07-05-03,README
`);
  const full = createOccupationCatalogue(parseOccupationCatalogueCsv(HISTORY_CSV), { ...history, historical });
  const all = [5, 4, 3, 2, 1] as const;
  const qctx: CertificateValidationContext = {
    today: '2025-06-30',
    kind: 'qualification',
    catalogue: full,
    institution: {
      registeredAt: '2000-01-01',
      scope: full.entries.map((e) => ({
        occupationCode: e.code,
        occupationName: e.name,
        levels: [...all],
        validFrom: '2000-01-01',
        validTo: null,
      })),
    },
  };
  const record = (code: string, name: string, issueDate: string): CertificateRecordInput => ({
    ...valid,
    occupationCode: code,
    occupationName: name,
    issueDate,
    certificateNumber: '0101120201100058',
  });
  const NOT_Q17 = (code: string, name: string, date: string) =>
    `职业编码: 职业“${code} ${name}”不在发证日期（${date}）施行的《国家职业资格目录》（2017-09-12起施行）中，不能颁发职业资格证书；目录外的职业应按职业技能等级证书上报`;
  const NOT_Q21 = (code: string, name: string, date: string) =>
    `职业编码: 职业“${code} ${name}”不在发证日期（${date}）施行的《国家职业资格目录（2021年版）》（2021-11-23起施行）中，不能颁发职业资格证书；目录外的职业应按职业技能等级证书上报`;

  it.each<[string, CertificateRecordInput, string[]]>([
    ['before the 2017 catalogue nothing is checked', record('4-10-01-05', '养老护理员', '2017-09-11'), []],
    [
      'the 2017 catalogue applies from its effective day',
      record('4-10-01-05', '养老护理员', '2017-09-12'),
      [NOT_Q17('4-10-01-05', '养老护理员', '2017-09-12')],
    ],
    ['车工 was in the 2017 catalogue', record('6-18-01-01', '车工', '2019-05-10'), []],
    ['车工 until the day before the 2021 catalogue', record('6-18-01-01', '车工', '2021-11-22'), []],
    [
      '车工 left the catalogue in 2021',
      record('6-18-01-01', '车工', '2021-11-23'),
      [NOT_Q21('6-18-01-01', '车工', '2021-11-23')],
    ],
    [
      '森林消防员 was not in the 2017 catalogue',
      record('3-02-03-06', '森林消防员', '2020-01-06'),
      [NOT_Q17('3-02-03-06', '森林消防员', '2020-01-06')],
    ],
    ['森林消防员 is in the 2021 catalogue', record('3-02-03-06', '森林消防员', '2022-01-06'), []],
    ['保安员 in both catalogues', record('4-07-05-01', '保安员', '2024-05-06'), []],
    [
      'unsure notes are not membership (保育师)',
      record('4-10-01-03', '保育师', '2019-05-10'),
      [NOT_Q17('4-10-01-03', '保育师', '2019-05-10')],
    ],
    ['the 2013 table’s 车工 code 6-04-01-01 before the 2022 大典', record('6-04-01-01', '车工', '2014-06-30'), []],
    [
      'a 2015 code (消防设施操作员 4-07-05-04) before the 2022 大典',
      record('4-07-05-04', '消防设施操作员', '2022-09-27'),
      [],
    ],
    [
      'historical codes end when the 2022 大典 is published',
      record('6-04-01-01', '车工', '2022-09-28'),
      [
        '职业编码: 职业编码“6-04-01-01 车工”是旧版职业分类的编码，只适用于2022-09-28（《中华人民共和国职业分类大典（2022年版）》颁布）之前发证的证书，请改用现行编码6-18-01-01',
      ],
    ],
    [
      'a historical code with another name',
      record('6-04-01-01', '铣工', '2014-06-30'),
      ['职业名称: 职业名称与职业编码不符：6-04-01-01对应“车工”（旧版职业分类编码）'],
    ],
    [
      'a historical code stands for today’s occupation in the catalogue check',
      record('6-04-01-01', '车工', '2018-06-30'),
      [],
    ],
  ])('%s', (_name, input, expected) => {
    expect(errorsOf(input, qctx)).toEqual(expected);
  });

  it('skill-level certificates are not checked against the qualification catalogue', () => {
    expect(errorsOf(record('4-10-01-05', '养老护理员', '2024-05-06'), { ...qctx, kind: 'skill_level' })).toEqual([]);
  });

  it('a partly covered occupation (安检员) is a warning, not a refusal', () => {
    const issues = validateCertificateRecord(record('4-07-05-02', '安检员', '2024-05-06'), qctx);
    expect(issues).toEqual([
      {
        column: '职业编码',
        message:
          '《国家职业资格目录（2021年版）》只收录职业“安检员”的部分工种，请核对本证书的工种/职业方向属于目录范围',
        severity: 'warning',
      },
    ]);
  });

  it('keeps the code as issued and checks the registered scope under today’s code', () => {
    const parsed = parseCertificateRecord(record('6-04-01-01', '车工', '2014-06-30'), {
      ...qctx,
      institution: { registeredAt: '2000-01-01', scope: [] },
    });
    expect(parsed.issues.map((i) => i.message)).toEqual(['职业“6-18-01-01 车工”不在本机构备案的评价范围内']);
    expect(parseCertificateRecord(record('6-04-01-01', '车工', '2014-06-30'), qctx).record).toMatchObject({
      occupationCode: '6-04-01-01',
      occupationName: '车工',
    });
  });

  it('refuses a historical code whose current code is not in the catalogue', () => {
    expect(() =>
      createOccupationCatalogue(parseOccupationCatalogueCsv(HISTORY_CSV), {
        historical: [
          { code: '6-04-01-02', name: '铣工', classification: 'D99', currentCode: '6-18-01-02', source: '' },
        ],
      }),
    ).toThrow('不在职业目录中');
  });
});
