import { duplicateAwardSummary, summaryWithin } from './summaries';

const own = {
  certificateNumber: 'S440106202600001',
  holderName: '王小红',
  idNumberMasked: '**************2457',
  occupationName: '中式烹调师',
  level: 4,
};

describe('a flag summary within a jurisdiction (R-3)', () => {
  it('rebuilds a holder rule from the visible record, counting the others without naming them', () => {
    expect(summaryWithin('duplicate_award', { count: 3 }, [own], 2)).toBe(
      '王小红（**************2457）中式烹调师（4级）重复取证 3 本（其中 2 本不在您的管辖范围内）',
    );
    expect(duplicateAwardSummary(own, 3)).toBe('王小红（**************2457）中式烹调师（4级）重复取证 3 本');
  });

  it('keeps the stored summary when nothing is hidden, or for rules that name one certificate or institution', () => {
    expect(summaryWithin('duplicate_award', { count: 2 }, [own, own], 0)).toBeNull();
    expect(summaryWithin('under_age', {}, [own], 1)).toBeNull();
    expect(summaryWithin('volume_spike', { count: 80 }, [own], 30)).toBeNull();
    expect(summaryWithin('similar_number', { numberKey: 'S1' }, [], 2)).toBeNull();
  });
});
