import type { AttachmentView } from '@app/contracts';
import { fileSizeText, inIdOrder, shortSha256, withId } from './attachmentText';

const row = (id: number) => ({ id }) as AttachmentView;

describe('attachment texts', () => {
  it.each([
    [512, '512 B'],
    [35 * 1024, '35 KB'],
    [1024 * 1024 + 200 * 1024, '1.2 MB'],
    [20 * 1024 * 1024, '20.0 MB'],
  ])('fileSizeText(%d) = %s', (bytes, text) => {
    expect(fileSizeText(bytes)).toBe(text);
  });

  it('shortens a SHA-256 to its start and end', () => {
    const hash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(shortSha256(hash)).toBe('e3b0c44298…52b855');
  });

  it('keeps the chosen order and adds an id only once', () => {
    expect(inIdOrder([3, 1, 9], [row(1), row(3)]).map((r) => r.id)).toEqual([3, 1]);
    expect(withId([3, 1], 1)).toEqual([3, 1]);
    expect(withId([3, 1], 7)).toEqual([3, 1, 7]);
  });
});
