/**
 * A pick that may be left empty, for keyboard forms. antd's clear button (allowClear) is a
 * focusable button: one more Tab stop, and Enter on it clears instead of saving. Here the
 * first option (不指定…, offered once something is picked) or Backspace / Delete with
 * nothing typed takes the pick off, and the value becomes null.
 *
 *   <Form.Item name="assigneeId" label={t('inspections.plan.assignee')}>
 *     <OptionalSelect showSearch={{ optionFilterProp: 'label' }} options={assignees} />
 *   </Form.Item>
 */
import { Select, type SelectProps } from 'antd';
import type { KeyboardEvent } from 'react';
import { useT } from '../app/i18n';

export interface OptionalSelectProps extends Omit<SelectProps<string>, 'value' | 'onChange' | 'allowClear' | 'mode'> {
  value?: string | null;
  onChange?(value: string | null): void;
  /** The first option's text; 不指定 unless given. */
  noneLabel?: string;
}

/** The 不指定 option's value: no record id is empty. */
const NONE = '';

/** Backspace or Delete in the picker's empty search box. */
const isClearKey = (e: KeyboardEvent<HTMLElement>) => (e.key === 'Backspace' || e.key === 'Delete') && !(e.target as HTMLInputElement).value;

export function OptionalSelect({ value, onChange, options = [], noneLabel, onInputKeyDown, ...rest }: OptionalSelectProps) {
  const t = useT();
  const picked = value !== null && value !== undefined && value !== NONE;
  return (
    <Select<string>
      {...rest}
      value={picked ? value : undefined}
      options={picked ? [{ value: NONE, label: noneLabel ?? t('common.unset') }, ...options] : options}
      onChange={(v) => onChange?.(v === NONE ? null : v)}
      onInputKeyDown={(e) => {
        if (picked && isClearKey(e)) onChange?.(null);
        onInputKeyDown?.(e);
      }}
    />
  );
}
