import { loadConfig } from '../config/app-config';
import { applyHeapTuning } from './heap-tuning';

describe('applyHeapTuning (peak memory of large imports)', () => {
  it('sets V8 heap growth from runtime.heapGrowingPercent (default 50)', () => {
    const setFlags = jest.fn();
    applyHeapTuning(loadConfig({ NODE_ENV: 'test' }), setFlags);
    expect(setFlags).toHaveBeenCalledWith('--heap-growing-percent=50');
    applyHeapTuning(loadConfig({ NODE_ENV: 'test', HEAP_GROWING_PERCENT: '80' }), setFlags);
    expect(setFlags).toHaveBeenLastCalledWith('--heap-growing-percent=80');
  });

  it('leaves V8 its own heuristic with 0', () => {
    const setFlags = jest.fn();
    applyHeapTuning(loadConfig({ NODE_ENV: 'test', HEAP_GROWING_PERCENT: '0' }), setFlags);
    expect(setFlags).not.toHaveBeenCalled();
  });

  it('refuses an out-of-range value at start-up, naming the key and its variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', HEAP_GROWING_PERCENT: '-5' })).toThrow(
      /runtime\.heapGrowingPercent（环境变量 HEAP_GROWING_PERCENT）/,
    );
    expect(() => loadConfig({ NODE_ENV: 'test', HEAP_GROWING_PERCENT: '1000' })).toThrow(/runtime\.heapGrowingPercent/);
  });
});
