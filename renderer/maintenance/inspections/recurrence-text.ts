/**
 * A recurrence in words, in the user's language: 每週一、四 / 每月 15 日 / 每 3 個月的 20 日 /
 * 每月第 3 個星期三 / 每年 11 月 10 日 / 每 14 天, and the end: 至 111/12/31 止, 共 10 次.
 */
import { formatDate, type Locale } from '../../../domain/dates';
import type { MessageKey, MessageParams } from '../../../domain/i18n';
import type { Recurrence } from '../../../domain/maintenance/recurrence';

type Translate = (key: MessageKey, params?: MessageParams) => string;

export function weekdayName(t: Translate, wd: number): string {
  return t(`weekday.${wd}` as MessageKey);
}

export function nthName(t: Translate, nth: number): string {
  return t(nth === -1 ? 'recurrence.nth.last' : (`recurrence.nth.${nth}` as MessageKey));
}

export function describeRecurrence(rule: Recurrence, t: Translate): string {
  switch (rule.freq) {
    case 'daily':
      return rule.interval === 1 ? t('recurrence.text.daily') : t('recurrence.text.everyNDays', { n: rule.interval });
    case 'weekly': {
      // Monday first, as the week is read here.
      const days = [...rule.weekdays].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)).map((d) => weekdayName(t, d));
      const list = days.join(t('recurrence.listSeparator'));
      return rule.interval === 1 ? t('recurrence.text.weekly', { days: list }) : t('recurrence.text.everyNWeeks', { n: rule.interval, days: list });
    }
    case 'monthly':
      if (rule.interval === 3) return t('recurrence.text.quarterly', { day: rule.day });
      return rule.interval === 1 ? t('recurrence.text.monthly', { day: rule.day }) : t('recurrence.text.everyNMonths', { n: rule.interval, day: rule.day });
    case 'monthlyWeekday': {
      const params = { nth: nthName(t, rule.nth), weekday: weekdayName(t, rule.weekday) };
      return rule.interval === 1 ? t('recurrence.text.monthlyWeekday', params) : t('recurrence.text.everyNMonthsWeekday', { n: rule.interval, ...params });
    }
    case 'yearly':
      return rule.interval === 1 ? t('recurrence.text.yearly', { month: rule.month, day: rule.day }) : t('recurrence.text.everyNYears', { n: rule.interval, month: rule.month, day: rule.day });
  }
}

/** The plan's schedule in one line: rule, start and end. */
export function describeSchedule(plan: { recurrence: Recurrence; startOn: string; endOn: string | null; endAfter: number | null }, t: Translate, locale: Locale): string {
  const parts = [describeRecurrence(plan.recurrence, t)];
  if (plan.endOn) parts.push(t('recurrence.text.until', { date: formatDate(plan.endOn, locale) }));
  else if (plan.endAfter) parts.push(t('recurrence.text.times', { n: plan.endAfter }));
  return parts.join(t('recurrence.clauseSeparator'));
}
