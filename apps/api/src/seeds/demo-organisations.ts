import type { InstitutionStatus } from '@app/contracts';
import type { ScopeEntry } from '../organisations/entities/organisation.entity';

/**
 * The demo tree. Names of institutions are fictitious; codes are valid GB 32100-2015
 * credit codes; scopes use occupations of the 2022 职业分类大典 (config/occupations.csv).
 */
export interface DemoOrganisation {
  key: string;
  parentKey: string | null;
  level: 'national' | 'provincial' | 'municipal' | 'institution';
  regionCode: string;
  name: string;
  deadlineProfile?: 'national' | 'guangdong';
  institution?: {
    creditCode: string;
    kind: 'employer' | 'technical_school' | 'social_training';
    registeredAt: string;
    scope: ScopeEntry[];
    /**
     * changes of status after registration (active from the registration date is implied), as the
     * organisations service records them; the institution's present status is the last one.
     */
    statusChanges?: { status: InstitutionStatus; effectiveFrom: string }[];
  };
}

const allLevels = [5, 4, 3, 2, 1];

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { key: 'nat', parentKey: null, level: 'national', regionCode: '100000', name: '人力资源社会保障部职业技能鉴定中心' },
  {
    key: 'gd',
    parentKey: 'nat',
    level: 'provincial',
    regionCode: '440000',
    name: '广东省职业技能服务指导中心',
    deadlineProfile: 'guangdong',
  },
  { key: 'gz', parentKey: 'gd', level: 'municipal', regionCode: '440100', name: '广州市职业技能鉴定指导中心' },
  { key: 'sz', parentKey: 'gd', level: 'municipal', regionCode: '440300', name: '深圳市职业技能鉴定指导中心' },
  {
    key: 'sc',
    parentKey: 'nat',
    level: 'provincial',
    regionCode: '510000',
    name: '四川省职业技能鉴定指导中心',
    deadlineProfile: 'national',
  },
  { key: 'cd', parentKey: 'sc', level: 'municipal', regionCode: '510100', name: '成都市职业技能鉴定指导中心' },
  {
    key: 'inst_gz1',
    parentKey: 'gz',
    level: 'institution',
    regionCode: '440111',
    name: '广州市白云区粤厨职业培训学校',
    institution: {
      creditCode: '52440100MJ0A1B2C3T',
      kind: 'social_training',
      registeredAt: '2021-03-15',
      scope: [
        {
          occupationCode: '4-03-02-01',
          occupationName: '中式烹调师',
          levels: allLevels,
          validFrom: '2021-03-15',
          validTo: null,
        },
        {
          occupationCode: '4-03-02-02',
          occupationName: '中式面点师',
          levels: allLevels,
          validFrom: '2021-03-15',
          validTo: null,
        },
        {
          occupationCode: '4-10-01-05',
          occupationName: '养老护理员',
          levels: [5, 4, 3],
          validFrom: '2023-07-01',
          validTo: null,
        },
      ],
    },
  },
  {
    key: 'inst_gz2',
    parentKey: 'gz',
    level: 'institution',
    regionCode: '440113',
    name: '广州番禺精工机械制造有限公司',
    institution: {
      creditCode: '91440101MA5CK8RX4Q',
      kind: 'employer',
      registeredAt: '2022-01-10',
      scope: [
        {
          occupationCode: '6-18-02-04',
          occupationName: '焊工',
          levels: allLevels,
          validFrom: '2022-01-10',
          validTo: null,
        },
        {
          occupationCode: '6-18-01-01',
          occupationName: '车工',
          levels: allLevels,
          validFrom: '2022-01-10',
          validTo: null,
        },
        {
          occupationCode: '6-20-01-01',
          occupationName: '装配钳工',
          levels: [5, 4, 3],
          validFrom: '2022-01-10',
          validTo: '2025-12-31',
        },
      ],
      // 停止认定 for four months of rectification in 2024 (the screening demo's institution_inactive).
      statusChanges: [
        { status: 'ceased', effectiveFrom: '2024-04-01' },
        { status: 'active', effectiveFrom: '2024-08-01' },
      ],
    },
  },
  {
    key: 'inst_sz1',
    parentKey: 'sz',
    level: 'institution',
    regionCode: '440306',
    name: '深圳市宝安区高级技工学校',
    institution: {
      creditCode: '12440300455872619J',
      kind: 'technical_school',
      registeredAt: '2020-11-20',
      scope: [
        {
          occupationCode: '6-31-01-03',
          occupationName: '电工',
          levels: allLevels,
          validFrom: '2020-11-20',
          validTo: null,
        },
        {
          occupationCode: '4-12-01-01',
          occupationName: '汽车维修工',
          levels: allLevels,
          validFrom: '2020-11-20',
          validTo: null,
        },
        {
          occupationCode: '4-04-04-02',
          occupationName: '网络与信息安全管理员',
          levels: [4, 3, 2, 1],
          validFrom: '2022-05-01',
          validTo: null,
        },
      ],
    },
  },
  {
    key: 'inst_gd1',
    parentKey: 'gd',
    level: 'institution',
    regionCode: '440000',
    name: '广东省职业技能鉴定协会评价中心',
    institution: {
      creditCode: '52440000MJL173026J',
      kind: 'social_training',
      registeredAt: '2020-09-01',
      scope: [
        {
          occupationCode: '4-07-05-03',
          occupationName: '消防设施操作员',
          levels: allLevels,
          validFrom: '2020-09-01',
          validTo: null,
        },
        {
          occupationCode: '4-10-01-06',
          occupationName: '家政服务员',
          levels: [5, 4, 3],
          validFrom: '2020-09-01',
          validTo: null,
        },
      ],
    },
  },
  {
    key: 'inst_cd1',
    parentKey: 'cd',
    level: 'institution',
    regionCode: '510104',
    name: '成都市锦江区蜀味烹饪职业技能培训学校',
    institution: {
      creditCode: '52510100MJ1N60C9XP',
      kind: 'social_training',
      registeredAt: '2021-06-18',
      scope: [
        {
          occupationCode: '4-03-02-01',
          occupationName: '中式烹调师',
          levels: allLevels,
          validFrom: '2021-06-18',
          validTo: null,
        },
        {
          occupationCode: '4-03-02-07',
          occupationName: '茶艺师',
          levels: [5, 4, 3],
          validFrom: '2021-06-18',
          validTo: null,
        },
        {
          occupationCode: '4-10-03-02',
          occupationName: '美发师',
          levels: allLevels,
          validFrom: '2022-03-01',
          validTo: null,
        },
      ],
    },
  },
];

/** Demo accounts (password DEMO_PASSWORD, demo only). */
export const DEMO_USERS: { username: string; displayName: string; roles: string[]; organisationKey: string }[] = [
  { username: 'nat_admin', displayName: '王建国', roles: ['national_admin'], organisationKey: 'nat' },
  { username: 'nat_reviewer', displayName: '李静', roles: ['national_reviewer'], organisationKey: 'nat' },
  { username: 'auditor', displayName: '赵审计', roles: ['auditor'], organisationKey: 'nat' },
  { username: 'gd_admin', displayName: '陈志强', roles: ['provincial_admin'], organisationKey: 'gd' },
  { username: 'gd_reviewer', displayName: '黄丽萍', roles: ['provincial_reviewer'], organisationKey: 'gd' },
  { username: 'gz_admin', displayName: '林晓东', roles: ['municipal_admin'], organisationKey: 'gz' },
  { username: 'gz_head', displayName: '梁伟明', roles: ['municipal_head'], organisationKey: 'gz' },
  { username: 'sz_admin', displayName: '吴海燕', roles: ['municipal_admin'], organisationKey: 'sz' },
  { username: 'sc_reviewer', displayName: '张蓉', roles: ['provincial_reviewer'], organisationKey: 'sc' },
  { username: 'cd_admin', displayName: '刘川', roles: ['municipal_admin'], organisationKey: 'cd' },
  {
    username: 'inst_gz1',
    displayName: '周敏',
    roles: ['institution_operator'],
    organisationKey: 'inst_gz1',
  },
  {
    username: 'inst_gd1',
    displayName: '何志华',
    roles: ['institution_operator'],
    organisationKey: 'inst_gd1',
  },
  {
    username: 'inst_cd1',
    displayName: '杨雪',
    roles: ['institution_operator'],
    organisationKey: 'inst_cd1',
  },
  // every institution with demo batches uploads its own, so the city that reviews them did not upload them;
  // 深圳 has its head, so its batches can go past municipal review on the Guangdong chain.
  {
    username: 'inst_gz2',
    displayName: '郭振华',
    roles: ['institution_operator'],
    organisationKey: 'inst_gz2',
  },
  {
    username: 'inst_sz1',
    displayName: '邓晓琳',
    roles: ['institution_operator'],
    organisationKey: 'inst_sz1',
  },
  { username: 'sz_head', displayName: '钟国华', roles: ['municipal_head'], organisationKey: 'sz' },
];

export const DEMO_PASSWORD = 'Demo@2026';

/**
 * R-4, 附件2: today's municipal admins registered as their centres' data administrators (fictitious numbers). A
 * centre with a head has it approved; 成都 has no head yet, so its registration waits and 四川's dashboard warns.
 */
export const DEMO_DATA_ADMINISTRATORS: {
  username: string;
  approvedBy: string | null;
  position: string;
  officePhone: string;
  mobile: string;
  qq: string | null;
  publicContact: string;
}[] = [
  {
    username: 'gz_admin',
    approvedBy: 'gz_head',
    position: '证书数据科科员',
    officePhone: '020-83212345',
    mobile: '13812345678',
    qq: '2851234567',
    publicContact: '020-83212300（工作日 9:00—12:00，14:00—17:30）',
  },
  {
    username: 'sz_admin',
    approvedBy: 'sz_head',
    position: '评价管理部副部长',
    officePhone: '0755-82345678',
    mobile: '13923456789',
    qq: null,
    publicContact: '0755-82345600',
  },
  {
    username: 'cd_admin',
    approvedBy: null,
    position: '鉴定科科员',
    officePhone: '028-86123456',
    mobile: '18981234567',
    qq: '345678912',
    publicContact: '028-86123400（工作日）',
  },
];
