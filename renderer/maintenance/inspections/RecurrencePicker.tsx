/**
 * Picks a plan's recurrence: every N days, weekly on weekdays, monthly on a date or on the
 * nth weekday, quarterly (monthly every 3 months) or yearly. Works as a Form.Item child
 * (value / onChange of a Recurrence).
 */
import { Checkbox, Flex, InputNumber, Select, Typography } from 'antd';
import { daysInMonth, type Recurrence, type Weekday } from '../../../domain/maintenance/recurrence';
import { useT } from '../../app/i18n';
import { nthName, weekdayName } from './recurrence-text';

export type RecurrencePreset = 'daily' | 'weekly' | 'monthly' | 'monthlyWeekday' | 'quarterly' | 'yearly';
export const PRESETS: readonly RecurrencePreset[] = ['weekly', 'monthly', 'monthlyWeekday', 'quarterly', 'yearly', 'daily'];

export function presetOf(rule: Recurrence): RecurrencePreset {
  return rule.freq === 'monthly' && rule.interval === 3 ? 'quarterly' : rule.freq;
}

/** A rule of another kind, keeping what carries over (the day of month, the weekday). */
export function switchPreset(rule: Recurrence, preset: RecurrencePreset): Recurrence {
  const day = rule.freq === 'monthly' || rule.freq === 'yearly' ? rule.day : 1;
  const weekday: Weekday = rule.freq === 'monthlyWeekday' ? rule.weekday : rule.freq === 'weekly' ? (rule.weekdays[0] ?? 1) : 1;
  switch (preset) {
    case 'daily':
      return { freq: 'daily', interval: rule.freq === 'daily' ? rule.interval : 1 };
    case 'weekly':
      return { freq: 'weekly', interval: 1, weekdays: [weekday] };
    case 'monthly':
      return { freq: 'monthly', interval: 1, day };
    case 'quarterly':
      return { freq: 'monthly', interval: 3, day };
    case 'monthlyWeekday':
      return { freq: 'monthlyWeekday', interval: 1, nth: 1, weekday };
    case 'yearly':
      return { freq: 'yearly', interval: 1, month: 1, day };
  }
}

// Monday first, as the working week is read here.
const WEEK: Weekday[] = [1, 2, 3, 4, 5, 6, 0];
const NTHS = [1, 2, 3, 4, 5, -1] as const;

interface Props {
  value?: Recurrence;
  onChange?: (value: Recurrence) => void;
  id?: string;
}

export function RecurrencePicker({ value, onChange, id }: Props) {
  const t = useT();
  const rule: Recurrence = value ?? { freq: 'weekly', interval: 1, weekdays: [1] };
  const preset = presetOf(rule);
  const set = (patch: Partial<Recurrence>) => onChange?.({ ...rule, ...patch } as Recurrence);
  const num = (v: number | null, min: number) => Math.max(min, Math.round(v ?? min));

  const every = (unit: 'days' | 'weeks' | 'months' | 'years', max: number) => (
    <Flex align="center" gap={6}>
      <Typography.Text>{t('recurrence.every')}</Typography.Text>
      <InputNumber size="small" min={1} max={max} value={rule.interval} onChange={(v) => set({ interval: num(v, 1) })} style={{ width: 64 }} aria-label={t(`recurrence.unit.${unit}`)} />
      <Typography.Text>{t(`recurrence.unit.${unit}`)}</Typography.Text>
    </Flex>
  );

  const dayOfMonth = (day: number) => (
    <Flex align="center" gap={6}>
      <InputNumber
        size="small"
        min={1}
        max={31}
        value={day}
        onChange={(v) => set({ day: Math.min(rule.freq === 'yearly' ? daysInMonth(2024, rule.month) : 31, num(v, 1)) } as Partial<Recurrence>)}
        style={{ width: 64 }}
        aria-label={t('recurrence.dayOfMonth')}
      />
      <Typography.Text>{t('recurrence.dayUnit')}</Typography.Text>
    </Flex>
  );

  return (
    <Flex vertical gap={8} id={id}>
      <Select<RecurrencePreset>
        size="small"
        value={preset}
        onChange={(p) => onChange?.(switchPreset(rule, p))}
        options={PRESETS.map((p) => ({ value: p, label: t(`recurrence.preset.${p}`) }))}
        style={{ width: 220 }}
        aria-label={t('field.recurrence')}
      />
      <Flex wrap gap={12} align="center">
        {rule.freq === 'daily' && every('days', 366)}
        {rule.freq === 'weekly' && (
          <>
            {every('weeks', 52)}
            <Checkbox.Group
              value={rule.weekdays}
              onChange={(days) => set({ weekdays: (days as Weekday[]).length ? (days as Weekday[]) : rule.weekdays })}
              options={WEEK.map((d) => ({ value: d, label: weekdayName(t, d) }))}
            />
          </>
        )}
        {rule.freq === 'monthly' && (
          <>
            {preset === 'monthly' && every('months', 24)}
            {preset === 'quarterly' && <Typography.Text>{t('recurrence.quarterlyOn')}</Typography.Text>}
            {dayOfMonth(rule.day)}
            {rule.day > 28 && <Typography.Text type="secondary">{t('recurrence.monthEndHint')}</Typography.Text>}
          </>
        )}
        {rule.freq === 'monthlyWeekday' && (
          <>
            {every('months', 24)}
            <Select
              size="small"
              value={rule.nth}
              onChange={(nth) => set({ nth })}
              options={NTHS.map((n) => ({ value: n, label: nthName(t, n) }))}
              style={{ width: 110 }}
              aria-label={t('recurrence.nth')}
            />
            <Select
              size="small"
              value={rule.weekday}
              onChange={(weekday) => set({ weekday })}
              options={WEEK.map((d) => ({ value: d, label: t('recurrence.weekdayName', { day: weekdayName(t, d) }) }))}
              style={{ width: 100 }}
              aria-label={t('recurrence.weekday')}
            />
            {rule.nth === 5 && <Typography.Text type="secondary">{t('recurrence.fifthHint')}</Typography.Text>}
          </>
        )}
        {rule.freq === 'yearly' && (
          <>
            {every('years', 10)}
            <Select
              size="small"
              value={rule.month}
              onChange={(month) => set({ month, day: Math.min(rule.day, daysInMonth(2024, month)) })}
              options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: t('recurrence.monthName', { month: i + 1 }) }))}
              style={{ width: 100 }}
              aria-label={t('recurrence.month')}
            />
            {dayOfMonth(rule.day)}
          </>
        )}
      </Flex>
    </Flex>
  );
}
