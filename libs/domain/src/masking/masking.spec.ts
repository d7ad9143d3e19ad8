import { maskCertificateNumber, maskIdNumber, maskName } from './index';

describe('R-10 masking', () => {
  it.each([
    ['李毛', '*毛'],
    ['王晓明', '**明'],
    ['张三丰', '**丰'],
    ['欧阳娜娜', '***娜'],
    ['买买提·艾力', '*****力'],
    ['毛', '毛'],
    ['', ''],
    [null, ''],
    ['  王明  ', '*明'],
    // Characters outside the BMP count as one character.
    ['𠀋一', '*一'],
  ])('maskName(%j) = %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it.each([
    ['11010519491231002X', '**************002X'],
    ['H12345678', '*****5678'],
    ['1234', '1234'],
    [undefined, ''],
  ])('maskIdNumber(%j) = %j', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });

  it.each([
    ['Y000044000001253000123', '*******************123'],
    ['0101120201100058', '*************058'],
    ['087', '087'],
  ])('maskCertificateNumber(%j) = %j', (n, masked) => {
    expect(maskCertificateNumber(n)).toBe(masked);
  });
});
