/**
 * A date field for business dates ('YYYY-MM-DD' in and out). In zh-TW it shows ROC
 * dates (111/01/31; the calendar's header reads 民國111年) and accepts what clerks
 * type: 1110131, 111/1/31, 111.1.31, 111年1月31日, or a Gregorian 2022-01-31. In
 * English it shows Gregorian yyyy-MM-dd. Works as a Form.Item child (value/onChange).
 *
 *   <Form.Item name="dueOn" label={t('field.date')}><RocDatePicker /></Form.Item>
 */
import { DatePicker } from 'antd';
import type { PickerLocale } from 'antd/es/date-picker/generatePicker';
import enUS from 'antd/es/locale/en_US';
import zhTW from 'antd/es/locale/zh_TW';
import { useMemo, useState, type CSSProperties, type FocusEvent } from 'react';
import type { BusinessDate } from '../../domain/dates';
import { translate } from '../../domain/i18n';
import { useLocale } from '../app/i18n';
import { businessDateOf, gregorianConfig, rocConfig, toPickerDate } from './dateConfig';

const RocPicker = DatePicker.generatePicker<Date>(rocConfig);
const GregorianPicker = DatePicker.generatePicker<Date>(gregorianConfig);

// The ROC calendar starts on 民國元年 (1912); the domain's dates end in 2200.
const FIRST_DAY = new Date(1912, 0, 1);
const LAST_DAY = new Date(2200, 11, 31);

/** '民國{year}年' as a picker pattern: literal text in [brackets] around the year token. */
function rocYearPattern(): string {
  const [before, after] = translate('zh-TW', 'date.rocYear', { year: '\u0000' }).split('\u0000');
  const literal = (s: string) => (s ? `[${s}]` : '');
  return `${literal(before)}YYYY${literal(after ?? '')}`;
}

const ROC_LOCALE: PickerLocale = {
  ...zhTW.DatePicker!,
  lang: { ...zhTW.DatePicker!.lang, yearFormat: rocYearPattern(), cellYearFormat: 'YYYY', fieldDateFormat: 'YYYY/MM/DD' },
};
const EN_LOCALE: PickerLocale = { ...enUS.DatePicker!, lang: { ...enUS.DatePicker!.lang, fieldDateFormat: 'YYYY-MM-DD' } };

export interface RocDatePickerProps {
  value?: BusinessDate | null;
  onChange?: (value: BusinessDate | null) => void;
  id?: string;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  autoFocus?: boolean;
  /** Earliest and latest choosable dates, 'YYYY-MM-DD'. */
  minDate?: BusinessDate;
  maxDate?: BusinessDate;
  disabledDate?: (value: BusinessDate) => boolean;
  status?: 'error' | 'warning';
  size?: 'small' | 'middle' | 'large';
  variant?: 'outlined' | 'borderless' | 'filled' | 'underlined';
  style?: CSSProperties;
  className?: string;
  onBlur?: (e: FocusEvent<HTMLElement>) => void;
  'aria-label'?: string;
}

export function RocDatePicker({ value, onChange, minDate, maxDate, disabledDate, ...rest }: RocDatePickerProps) {
  const locale = useLocale((s) => s.locale);
  const roc = locale === 'zh-TW';
  const Picker = roc ? RocPicker : GregorianPicker;
  const date = useMemo(() => toPickerDate(value), [value]);
  // Said on the input so a KeyboardForm leaves Enter to an open calendar.
  const [open, setOpen] = useState(false);
  const min = toPickerDate(minDate) ?? FIRST_DAY;
  const max = toPickerDate(maxDate) ?? LAST_DAY;
  return (
    <Picker
      {...rest}
      value={date}
      onChange={(d: Date | null) => onChange?.(d ? businessDateOf(d) : null)}
      disabledDate={disabledDate ? (d: Date) => disabledDate(businessDateOf(d)) : undefined}
      minDate={min}
      maxDate={max}
      locale={roc ? ROC_LOCALE : EN_LOCALE}
      format={roc ? 'YYYY/MM/DD' : 'YYYY-MM-DD'}
      onOpenChange={setOpen}
      aria-expanded={open}
    />
  );
}
