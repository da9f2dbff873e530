/** A record's history in words: "角色：檢視者 → 主管、檢視者". */
import type { Kind } from '../../domain/entities';
import { hasMessage, type MessageKey, type MessageParams } from '../../domain/i18n';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Which catalog prefix names the values of a `kind` field, by record kind. */
const KIND_VALUES: Partial<Record<Kind, string>> = { space: 'spaceKind', person: 'personKind', calendarDay: 'dayKind', asset: 'assetKind' };

export function fieldLabel(field: string, t: Translate): string {
  const key = `field.${field}`;
  return hasMessage(key) ? t(key) : field;
}

/**
 * One value as a person reads it. `resolve` names a referenced record (an agency's id →
 * its name) and returns undefined when it does not know the id.
 */
export function historyValue(kind: Kind, field: string, value: unknown, t: Translate, resolve?: (field: string, id: string) => string | undefined): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (Array.isArray(value)) return value.length === 0 ? t('common.none') : value.map((v) => historyValue(kind, field, v, t, resolve)).join('、');
  const text = String(value);
  const prefix = field === 'roles' ? 'role' : field === 'kind' ? KIND_VALUES[kind] : undefined;
  if (prefix && hasMessage(`${prefix}.${text}`)) return t(`${prefix}.${text}` as MessageKey);
  return resolve?.(field, text) ?? text;
}

export interface HistoryLine {
  field: string;
  text: string;
}

/** The lines of one history entry: one per changed field, in the order they were saved. */
export function historyLines(kind: Kind, changes: Record<string, [unknown, unknown]>, t: Translate, resolve?: (field: string, id: string) => string | undefined): HistoryLine[] {
  return Object.entries(changes).map(([field, [before, after]]) => ({
    field,
    text: t('history.changed', {
      field: fieldLabel(field, t),
      old: historyValue(kind, field, before, t, resolve),
      new: historyValue(kind, field, after, t, resolve),
    }),
  }));
}
