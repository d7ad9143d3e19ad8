import { dispositionFileName } from './contentDisposition';

describe('dispositionFileName', () => {
  it('reads the UTF-8 file name the API sends for Chinese names', () => {
    const header = `attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent('职业技能等级证书数据导入模板.xlsx')}`;
    expect(dispositionFileName(header, 'x.xlsx')).toBe('职业技能等级证书数据导入模板.xlsx');
  });

  it('falls back when the header is missing or malformed', () => {
    expect(dispositionFileName(null, '模板.xlsx')).toBe('模板.xlsx');
    expect(dispositionFileName('attachment; filename="a.xlsx"', '模板.xlsx')).toBe('模板.xlsx');
    expect(dispositionFileName("attachment; filename*=UTF-8''%E0%A4%A", '模板.xlsx')).toBe('模板.xlsx');
  });
});
