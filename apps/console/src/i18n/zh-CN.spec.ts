import englishMessages from 'ra-language-english';
import { raChineseMessages, zhCN } from './zh-CN';

type Tree = { [key: string]: string | Tree };

/** Every leaf of a message tree as [dotted.key, message]. */
function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]): Array<[string, string]> => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value]] : leaves(value, path);
  });
}

function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

const english = new Map(leaves(englishMessages as unknown as Tree));
const chinese = new Map(leaves(raChineseMessages as unknown as Tree));

describe('zh-CN react-admin messages', () => {
  it('reads the English pack (guards against an empty import passing everything)', () => {
    expect(english.size).toBeGreaterThan(150);
    expect(english.get('ra.action.save')).toBe('Save');
  });

  it('has every key of ra-language-english', () => {
    const missing = [...english.keys()].filter((key) => !chinese.has(key));
    expect(missing).toEqual([]);
  });

  it('has no key that ra-language-english lacks (stale keys hide missing ones)', () => {
    const extra = [...chinese.keys()].filter((key) => !english.has(key));
    expect(extra).toEqual([]);
  });

  it.each([...english.entries()])('%s keeps the same %{placeholders}', (key, message) => {
    expect(placeholders(chinese.get(key) ?? '')).toEqual(placeholders(message));
  });

  it('is actually Chinese: no message is left with English words', () => {
    const untranslated = [...chinese.entries()]
      .filter(([, message]) => /[A-Za-z]{2,}/.test(message.replace(/%\{\w+\}/g, '')))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it('uses no plural separator (Chinese has one form; polyglot would show only the first)', () => {
    const plural = [...chinese.entries()].filter(([, m]) => m.includes('||||')).map(([k]) => k);
    expect(plural).toEqual([]);
  });

  it('merges the ra pack and our resource names into one pack', () => {
    expect(zhCN.ra.action.save).toBe('保存');
    expect(zhCN.resources.organisations.name).toBe('机构');
  });
});
