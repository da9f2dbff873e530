/**
 * The message catalogs. zh-TW is the source; English must carry every key (the type
 * check fails otherwise). Both the renderer and the backend render from here, so an
 * error made in the backend reaches the user in the user's language.
 */
import { zhTW } from './zh-TW';
import { en } from './en';
import type { Locale } from '../dates';

export type MessageKey = keyof typeof zhTW;
export type Messages = Record<MessageKey, string>;

export const catalogs: Record<Locale, Messages> = { 'zh-TW': zhTW, en };
export const LOCALES: readonly Locale[] = ['zh-TW', 'en'];

export type MessageParams = Record<string, string | number>;

/** Looks up a message and fills its {placeholders}; numbers get thousands separators. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogs[locale][key] ?? catalogs['zh-TW'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    return typeof value === 'number' ? value.toLocaleString(locale === 'en' ? 'en-US' : 'zh-TW') : value;
  });
}

/** A text kept in both languages, in the user's; English falls back to Chinese when it has none. */
export function localized(zh: string, en: string | null | undefined, locale: Locale): string {
  return locale === 'en' && en ? en : zh;
}

/** A record's name in the user's language (an absent record has none). */
export function nameOf(record: { nameZh: string; nameEn?: string } | undefined, locale: Locale): string {
  return record ? localized(record.nameZh, record.nameEn, locale) : '';
}

export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhTW, key);
}
