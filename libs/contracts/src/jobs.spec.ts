import { jobCountsText, jobLabel } from './jobs';

describe('job words', () => {
  it('names the screening job and its counts in Chinese, its full/incremental switch as a word', () => {
    expect(jobLabel('screening')).toBe('疑似问题筛查');
    expect(jobCountsText({ scanned: 2010, findings: 11, raised: 9, known: 2, full: 1 })).toBe(
      '筛查证书 2010，发现线索 11，新增疑似问题 9，此前已发现 2，全量筛查',
    );
    expect(jobCountsText({ scanned: 5, full: 0 })).toBe('筛查证书 5，增量筛查');
  });

  it('keeps the code of a counter it has no word for', () => {
    expect(jobCountsText({ mystery: 3 })).toBe('mystery 3');
  });
});
