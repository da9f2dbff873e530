import { describe, expect, it } from 'vitest';
import { catalogs, translate } from './index';

describe('message catalogs', () => {
  it('English has a non-empty message for every zh-TW key', () => {
    const missing = Object.keys(catalogs['zh-TW']).filter((k) => !catalogs.en[k as keyof typeof catalogs.en]);
    expect(missing).toEqual([]);
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
