import fc from 'fast-check';
import { checkPasswordPolicy, escapeCellForExport, looksLikeFormula, unescapeImportedCell } from './index';

describe('R-41 checkPasswordPolicy', () => {
  it.each([
    ['Abcdef12', 'zhangsan', []],
    ['abcdef1!', 'zhangsan', []],
    ['ABCDEF1!', undefined, []],
    ['Abc1!', 'x', ['密码长度至少为8位']],
    ['abcdefgh', 'x', ['密码须包含大写字母、小写字母、数字、特殊符号中的至少三类']],
    ['abcdef12', 'x', ['密码须包含大写字母、小写字母、数字、特殊符号中的至少三类']],
    ['ZhangSan2024!', 'zhangsan', ['密码不得包含用户名']],
    [
      'abc',
      'abc',
      ['密码长度至少为8位', '密码须包含大写字母、小写字母、数字、特殊符号中的至少三类', '密码不得包含用户名'],
    ],
  ])('%j (username %j) → %j', (pw, username, problems) => {
    expect(checkPasswordPolicy(pw, { username })).toEqual(problems);
  });

  it('refuses absurdly long passwords', () => {
    expect(checkPasswordPolicy(`Aa1!${'x'.repeat(200)}`)).toEqual(['密码长度不能超过128位']);
  });
});

describe('R-42 escapeCellForExport', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 138', "'+86 138"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['  =cmd', "'  =cmd"],
    ['\t=1', "'\t=1"],
    ['＝1+1', "'＝1+1"],
    ["'=x", "''=x"],
    ["'abc", "'abc"],
    ['张三', '张三'],
    ['6-18-01-01', '6-18-01-01'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(escapeCellForExport(input)).toBe(output);
  });

  it('leaves typed values alone', () => {
    const d = new Date();
    expect(escapeCellForExport(-5)).toBe(-5);
    expect(escapeCellForExport(d)).toBe(d);
    expect(escapeCellForExport(null)).toBeNull();
  });

  it('property: escaped text never starts a formula, and unescaping restores it', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((x) => `'=${x}`),
          fc.string().map((x) => `''-${x}`),
        ),
        (s) => {
          const escaped = escapeCellForExport<string>(s);
          return !looksLikeFormula(escaped) && unescapeImportedCell(escaped) === s;
        },
      ),
    );
  });
});
