import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('writes the items that arrive together in one write, each caller getting its own result', async () => {
    const writes: number[][] = [];
    const group = new GroupCommit<number, number>(async (items) => {
      writes.push(items);
      await new Promise((r) => setTimeout(r, 5));
      return items.map((i) => i * 10);
    });
    const first = await Promise.all([1, 2, 3].map((i) => group.submit(i)));
    expect(first).toEqual([10, 20, 30]);
    expect(writes).toEqual([[1, 2, 3]]);
  });

  it('items arriving during a write wait for the next one, which takes them all', async () => {
    const writes: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const group = new GroupCommit<number, number>(async (items) => {
      writes.push(items);
      if (writes.length === 1) await gate;
      return items;
    });
    const a = group.submit(1);
    await new Promise((r) => setImmediate(r));
    const rest = [2, 3, 4].map((i) => group.submit(i));
    release();
    expect(await Promise.all([a, ...rest])).toEqual([1, 2, 3, 4]);
    expect(writes).toEqual([[1], [2, 3, 4]]);
  });

  it('a failed write fails its callers only; the next write starts afresh', async () => {
    let fail = true;
    const group = new GroupCommit<number, number>((items) =>
      fail ? Promise.reject(new Error('database gone')) : Promise.resolve(items),
    );
    await expect(Promise.all([group.submit(1), group.submit(2)])).rejects.toThrow('database gone');
    fail = false;
    await expect(group.submit(3)).resolves.toBe(3);
  });

  it('splits a crowd into writes of at most maxItems', async () => {
    const sizes: number[] = [];
    const group = new GroupCommit<number, number>((items) => {
      sizes.push(items.length);
      return Promise.resolve(items);
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((i) => group.submit(i)));
    expect(sizes).toEqual([2, 2, 1]);
  });
});
