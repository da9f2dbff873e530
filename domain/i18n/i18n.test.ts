import { describe, expect, it } from 'vitest';
import { catalogs, nameOf, translate } from './index';
import { enParts } from './en';
import { zhParts } from './zh-TW';

/** Keys that two parts both define, as `key: part, part` (the later part would win silently). */
function definedTwice(parts: Record<string, Record<string, string>>): string[] {
  const owner = new Map<string, string>();
  const twice: string[] = [];
  for (const [part, messages] of Object.entries(parts)) {
    for (const key of Object.keys(messages)) {
      const first = owner.get(key);
      if (first) twice.push(`${key}: ${first}, ${part}`);
      else owner.set(key, part);
    }
  }
  return twice;
}

describe('message catalogs', () => {
  it('English has a non-empty message for every zh-TW key', () => {
    const missing = Object.keys(catalogs['zh-TW']).filter((k) => !catalogs.en[k as keyof typeof catalogs.en]);
    expect(missing).toEqual([]);
  });

  it('no key is defined in two catalog parts, in either language', () => {
    expect(definedTwice(zhParts)).toEqual([]);
    expect(definedTwice(enParts)).toEqual([]);
  });

  it('each catalog is exactly its parts, so no part escapes the check above', () => {
    for (const [catalog, parts] of [
      [catalogs['zh-TW'], zhParts],
      [catalogs.en, enParts],
    ] as const) {
      const fromParts = Object.assign({}, ...Object.values(parts)) as Record<string, string>;
      const sizes = Object.values(parts).reduce((n, part) => n + Object.keys(part).length, 0);
      expect(catalog).toEqual(fromParts);
      expect(Object.keys(catalog)).toHaveLength(sizes);
    }
  });

  it('finds a key defined in two parts', () => {
    expect(definedTwice({ venues: { 'field.to': '迄日' }, inspections: { 'field.to': '迄日', 'field.x': 'x' } })).toEqual(['field.to: venues, inspections']);
  });

  it('fills placeholders, with thousands separators in counts', () => {
    expect(translate('zh-TW', 'common.total', { count: 1149 })).toBe('共 1,149 筆');
    expect(translate('en', 'common.total', { count: 2961 })).toBe('2,961 in all');
  });

  it('every message keeps the same placeholders in both languages', () => {
    const names = (s: string) =>
      [...s.matchAll(/\{(\w+)\}/g)]
        .map((m) => m[1])
        .sort()
        .join(',');
    const differ = Object.keys(catalogs['zh-TW']).filter((k) => names(catalogs['zh-TW'][k as never]) !== names(catalogs.en[k as never]));
    expect(differ).toEqual([]);
  });
});

describe('a record name in the reader’s language', () => {
  it('shows English to an English reader, and the Chinese name where there is no English one', () => {
    expect(nameOf({ nameZh: '四維行政中心', nameEn: 'Siwei Administration Center' }, 'en')).toBe('Siwei Administration Center');
    expect(nameOf({ nameZh: '四維行政中心', nameEn: 'Siwei Administration Center' }, 'zh-TW')).toBe('四維行政中心');
    expect(nameOf({ nameZh: '中庭', nameEn: '' }, 'en')).toBe('中庭');
    expect(nameOf(undefined, 'en')).toBe('');
  });
});
