import fc from 'fast-check';
import { DomainError } from '@app/domain';
import { defineList, MAX_PAGE, parseListQuery, RawListQuery, totalFromPage } from './list-query';

const LIST = defineList({
  resource: 'things',
  sort: { id: 't.id', name: 't.name' },
  defaultSort: { field: 'id', order: 'DESC' },
  tieBreaker: 't.id',
  filters: {
    id: { type: 'idList', column: 't.id' },
    ownerId: { type: 'id', column: 't.ownerId' },
    q: { type: 'text', column: ['t.name', 't.code'], op: 'contains', maxLength: 10 },
    status: { type: 'enum', values: ['open', 'closed'], column: 't.status' },
    kinds: { type: 'enumList', values: ['a', 'b'], column: 't.kind' },
    from: { type: 'date' },
    late: { type: 'boolean', column: 't.late', op: 'isTrue' },
  },
});

function badQuery(raw: RawListQuery): string {
  try {
    parseListQuery(raw, LIST);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'BAD_QUERY') return error.message;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(raw)}`);
}

describe('parseListQuery (R-42)', () => {
  it('defaults to the declared sort and the first 25 rows', () => {
    const q = parseListQuery({}, LIST);
    expect(q.sort).toEqual({ field: 'id', column: 't.id', order: 'DESC' });
    expect(q.range).toEqual({ start: 0, end: 24 });
    expect(q.resource).toBe('things');
  });

  it('parses each declared filter to its type', () => {
    const q = parseListQuery(
      {
        sort: '["name","asc"]',
        range: '[25,49]',
        filter: JSON.stringify({
          id: [3, '4'],
          ownerId: '7',
          q: '广州',
          status: 'open',
          kinds: 'a',
          from: '2024-02-29',
          late: false,
        }),
      },
      LIST,
    );
    expect(q.sort).toEqual({ field: 'name', column: 't.name', order: 'ASC' });
    expect(q.range).toEqual({ start: 25, end: 49 });
    expect({ ...q.filter }).toEqual({
      id: [3, 4],
      ownerId: 7,
      q: '广州',
      status: 'open',
      kinds: ['a'],
      from: '2024-02-29',
      late: false,
    });
    // `from` has no column: the list's service applies it.
    expect(q.columnFilters.map((f) => f.name)).toEqual(['id', 'ownerId', 'q', 'status', 'kinds', 'late']);
    expect(Object.getPrototypeOf(q.filter)).toBeNull();
  });

  it('treats an empty text as no filter, and a number as text', () => {
    expect({ ...parseListQuery({ filter: '{"q":""}' }, LIST).filter }).toEqual({});
    expect({ ...parseListQuery({ filter: '{"q":42}' }, LIST).filter }).toEqual({ q: '42' });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'password'])(
    'refuses %s as a sort field and as a filter name, in Chinese',
    (name) => {
      expect(badQuery({ sort: JSON.stringify([name, 'ASC']) })).toContain('不支持按');
      expect(badQuery({ filter: `{${JSON.stringify(name)}:1}` })).toContain('不支持的筛选条件');
    },
  );

  it.each([
    [{ filter: '{"ownerId":"abc"}' }, '正整数'],
    [{ filter: '{"ownerId":0}' }, '正整数'],
    [{ filter: '{"ownerId":-1}' }, '正整数'],
    [{ filter: '{"ownerId":1.5}' }, '正整数'],
    [{ filter: '{"ownerId":1e300}' }, '正整数'],
    [{ filter: '{"ownerId":"99999999999"}' }, '正整数'],
    [{ filter: '{"ownerId":null}' }, '正整数'],
    [{ filter: '{"id":["abc"]}' }, '正整数'],
    [{ filter: `{"id":[${Array.from({ length: 501 }, (_, i) => i + 1).join(',')}]}` }, '最多'],
    [{ filter: '{"q":{"a":1}}' }, '应为文本'],
    [{ filter: '{"q":["a"]}' }, '应为文本'],
    [{ filter: '{"q":null}' }, '应为文本'],
    [{ filter: '{"q":"12345678901"}' }, '过长'],
    [{ filter: '{"status":"opened"}' }, '允许范围'],
    [{ filter: '{"status":["open"]}' }, '允许范围'],
    [{ filter: '{"kinds":["a","c"]}' }, '允许范围'],
    [{ filter: '{"from":"2026-02-30"}' }, '日期'],
    [{ filter: '{"from":"2026-2-1"}' }, '日期'],
    [{ filter: '{"from":20260201}' }, '日期'],
    [{ filter: '{"late":"true"}' }, 'true 或 false'],
    [{ filter: '[1]' }, '对象'],
    [{ filter: 'null' }, '对象'],
    [{ filter: '{bad json' }, 'JSON'],
    [{ filter: ['{}', '{}'] }, '只能出现一次'],
    [{ range: '[1e300,1e300]' }, 'range'],
    [{ range: '[9007199254740993,9007199254740993]' }, 'range'],
    [{ range: '[-1,3]' }, 'range'],
    [{ range: '[0.5,3]' }, 'range'],
    [{ range: '[5,4]' }, 'range'],
    [{ range: '[0,1,2]' }, 'range'],
    [{ range: `[0,${MAX_PAGE}]` }, `每页最多 ${MAX_PAGE}`],
    [{ range: '[20000000,20000001]' }, '起始位置'],
    [{ sort: '["id","UP"]' }, 'ASC 或 DESC'],
    [{ sort: '["id"]' }, 'sort'],
    [{ sort: '[["id"],"ASC"]' }, 'sort'],
    [{ sort: '{"id":"ASC"}' }, 'sort'],
  ] as [RawListQuery, string][])('refuses %j with 400 naming the problem', (raw, words) => {
    expect(badQuery(raw)).toContain(words);
  });

  it('accepts pages up to 500 rows', () => {
    expect(parseListQuery({ range: `[0,${MAX_PAGE - 1}]` }, LIST).range).toEqual({ start: 0, end: MAX_PAGE - 1 });
  });

  it('answers any input either with a query of declared names only or with BAD_QUERY', () => {
    const text = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(fc.record({ sort: text, range: text, filter: text }, { requiredKeys: [] }), (raw) => {
        let q;
        try {
          q = parseListQuery(raw, LIST);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe('BAD_QUERY');
          return;
        }
        expect(LIST.sorts.get(q.sort.field)).toBe(q.sort.column);
        for (const name of Object.keys(q.filter)) expect(LIST.filters.has(name)).toBe(true);
        expect(Number.isSafeInteger(q.range.start) && q.range.end - q.range.start < MAX_PAGE).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a list declaration without an id sort', () => {
    expect(() =>
      defineList({
        resource: 'x',
        sort: { name: 'x.name' },
        defaultSort: { field: 'name', order: 'ASC' },
        tieBreaker: 'x.id',
        filters: {},
      }),
    ).toThrow(/sorts by id/);
  });
});

describe('totalFromPage', () => {
  const at = (start: number, end: number) => parseListQuery({ range: JSON.stringify([start, end]) }, LIST);

  it('takes the total from a short page, and from an empty first page', () => {
    expect(totalFromPage(at(0, 24), 9)).toBe(9);
    expect(totalFromPage(at(0, 24), 0)).toBe(0);
    expect(totalFromPage(at(50, 74), 3)).toBe(53);
  });

  it('leaves a full page, and an empty page past the start, to a count', () => {
    expect(totalFromPage(at(0, 24), 25)).toBeNull();
    expect(totalFromPage(at(50, 74), 25)).toBeNull();
    expect(totalFromPage(at(50, 74), 0)).toBeNull();
  });
});
