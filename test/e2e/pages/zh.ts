/** Visible zh-TW text, taken from the message catalogs so a re-worded label does not break a test silently. */
import { type MessageKey, type MessageParams, translate } from '../../../domain/i18n';

export function zh(key: MessageKey, params?: MessageParams): string {
  return translate('zh-TW', key, params);
}

/** Matches the whole text exactly (for names that are also part of longer ones, such as 登入). */
export function exactly(key: MessageKey, params?: MessageParams): RegExp {
  return new RegExp(`^\\s*${zh(key, params).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}
