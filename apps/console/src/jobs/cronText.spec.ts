import { i18nProvider } from '../providers/i18nProvider';
import { cronInWords, describeCron } from './cronText';

const inChinese = (expression: string) =>
  cronInWords(expression, (key, options) => i18nProvider.translate(key, options));

describe('cron in words', () => {
  it('words the daily and every-minute forms the jobs use', () => {
    expect(inChinese('30 8 * * *')).toBe('每天 08:30');
    expect(inChinese('* * * * *')).toBe('每分钟');
    expect(inChinese('0 0 * * *')).toBe('每天 00:00');
    expect(inChinese('5 17 * * *')).toBe('每天 17:05');
  });

  it('words a few other common forms', () => {
    expect(inChinese('*/5 * * * *')).toBe('每 5 分钟');
    expect(inChinese('*/1 * * * *')).toBe('每分钟');
    expect(inChinese('15 * * * *')).toBe('每小时第 15 分钟');
    expect(inChinese('0 9 * * 1-5')).toBe('每周一至周五 09:00');
    expect(inChinese('0 30 8 * * *')).toBe('每天 08:30');
  });

  it('leaves anything else as the raw expression', () => {
    for (const raw of [
      '0 9 1 * *',
      '30 8 * 1 *',
      '30 8 * * 6',
      '0-30 8 * * *',
      '61 8 * * *',
      '30 24 * * *',
      '5 30 8 * * *',
      '',
      'daily',
      '* * * *',
    ]) {
      expect(describeCron(raw)).toBeNull();
      expect(inChinese(raw)).toBe(raw);
    }
  });
});
