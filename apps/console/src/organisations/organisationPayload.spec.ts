import { toCreatePayload, toUpdatePayload } from './organisationPayload';

const institutionRecord = {
  id: 7,
  level: 'institution' as const,
  parentId: 3,
  parentName: '广州市职业技能鉴定指导中心',
  path: '/1/2/3/7/',
  regionCode: '440111',
  name: ' 广州市白云区粤厨职业培训学校 ',
  creditCode: '52440100mj0a1b2c3t',
  kind: 'social_training' as const,
  status: 'active' as const,
  registeredAt: '2021-03-15',
  deadlineProfile: 'guangdong' as const,
  scope: [
    {
      occupationCode: '4-03-02-01',
      occupationName: '中式烹调师',
      levels: [3, 5, 4],
      validFrom: '2021-03-15',
      validTo: '',
    },
  ],
  childCount: 0,
  version: 4,
  createdAt: '2026-11-23T13:28:36.000Z',
  updatedAt: '2026-11-23T13:28:36.000Z',
};

describe('organisation payloads (the API refuses unknown fields)', () => {
  it('sends only editable institution fields plus the version on update', () => {
    expect(toUpdatePayload(institutionRecord as never)).toEqual({
      name: '广州市白云区粤厨职业培训学校',
      regionCode: '440111',
      creditCode: '52440100MJ0A1B2C3T',
      kind: 'social_training',
      status: 'active',
      registeredAt: '2021-03-15',
      // levels high to low as the API stores them; an empty end date means open-ended (null)
      scope: [
        {
          occupationCode: '4-03-02-01',
          occupationName: '中式烹调师',
          levels: [5, 4, 3],
          validFrom: '2021-03-15',
          validTo: null,
        },
      ],
      version: 4,
    });
  });

  it('sends the deadline profile for a province only, and no institution fields', () => {
    const province = { ...institutionRecord, level: 'provincial' as const, deadlineProfile: 'guangdong' as const };
    const body = toUpdatePayload(province);
    expect(body).toEqual({
      name: '广州市白云区粤厨职业培训学校',
      regionCode: '440111',
      deadlineProfile: 'guangdong',
      version: 4,
    });
  });

  it('never lets an institution or a city set its deadline profile (inherited from the province)', () => {
    expect(toUpdatePayload(institutionRecord as never)).not.toHaveProperty('deadlineProfile');
  });

  it('includes level and parent on create only', () => {
    const { id: _id, version: _version, ...values } = institutionRecord;
    const body = toCreatePayload(values);
    expect(body).toMatchObject({ level: 'institution', parentId: 3 });
    expect(body).not.toHaveProperty('version');
    expect(toUpdatePayload(institutionRecord as never)).not.toHaveProperty('parentId');
  });
});
