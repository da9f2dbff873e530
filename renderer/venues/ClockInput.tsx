/**
 * A time-of-day field (HH:MM, Taipei): type 1430, 14:30 or 9:5, or pick from the half
 * hours; what was typed is written as HH:MM when the field is left. Works as a Form.Item child.
 */
import { AutoComplete } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import { clock } from '../components/time-grid/grid-logic';
import { normalClock } from './form-logic';

const HALF_HOURS = Array.from({ length: 49 }, (_, i) => clock(i * 30));

export interface ClockInputProps {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  placeholder?: string;
  disabled?: boolean;
  status?: 'error' | 'warning';
  size?: 'small' | 'middle' | 'large';
  style?: CSSProperties;
  'aria-label'?: string;
}

export function ClockInput({ value, onChange, style, ...rest }: ClockInputProps) {
  const options = useMemo(() => {
    const typed = (value ?? '').replace(/\D/g, '');
    const list = typed
      ? HALF_HOURS.filter((h) => h.replace(':', '').startsWith(typed.padStart(typed.length > 2 ? 4 : 2, '0').slice(0, 4)) || h.replace(':', '').startsWith(typed))
      : HALF_HOURS.slice(14, 45);
    return list.map((h) => ({ value: h }));
  }, [value]);
  return (
    <AutoComplete
      {...rest}
      value={value}
      options={options}
      onChange={(v: string) => onChange?.(v)}
      onBlur={() => value && onChange?.(normalClock(value))}
      style={{ width: 96, ...style }}
      popupMatchSelectWidth={96}
    />
  );
}
