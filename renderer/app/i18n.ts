/** The user's language for the screens; every visible string comes through `t`. */
import { create } from 'zustand';
import type { Locale } from '../../domain/dates';
import { translate, type MessageKey, type MessageParams } from '../../domain/i18n';

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

export const useLocale = create<LocaleState>((set) => ({
  locale: 'zh-TW',
  setLocale: (locale) => {
    document.documentElement.lang = locale === 'zh-TW' ? 'zh-Hant-TW' : 'en';
    set({ locale });
  },
}));

export type T = (key: MessageKey, params?: MessageParams) => string;

/** `const t = useT(); t('nav.settings')` */
export function useT(): T {
  const locale = useLocale((s) => s.locale);
  return (key, params) => translate(locale, key, params);
}

/** For code outside components (zustand actions, notifications). */
export function t(key: MessageKey, params?: MessageParams): string {
  return translate(useLocale.getState().locale, key, params);
}
