/**
 * From what a form holds to what a mutation carries. Texts are trimmed, empty optional
 * choices become null, lists are put in one order, and an update carries only the
 * fields whose value differs from the record as it was loaded.
 */
import { changedFields } from '../../domain/mutations/reference';

export type FieldType = 'text' | 'number' | 'select' | 'multi' | 'switch';

export interface FieldSpec {
  /** The mutation's argument, and the `field.*` message key of its label. */
  name: string;
  type: FieldType;
  required?: boolean;
  max?: number;
  /** An empty number or choice: null (the record holds "none"), or left out (the backend decides). */
  whenEmpty?: 'null' | 'omit';
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The form's values as mutation arguments. */
export function formArgs(specs: readonly FieldSpec[], values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const v = values[spec.name];
    switch (spec.type) {
      case 'text':
        out[spec.name] = typeof v === 'string' ? v.trim() : isEmpty(v) ? '' : String(v);
        break;
      case 'switch':
        out[spec.name] = Boolean(v);
        break;
      case 'multi':
        out[spec.name] = Array.isArray(v) ? [...new Set(v.map(String))].sort() : [];
        break;
      case 'number':
      case 'select':
        if (!isEmpty(v)) out[spec.name] = spec.type === 'number' ? Number(v) : v;
        else if ((spec.whenEmpty ?? 'null') === 'null') out[spec.name] = null;
        break;
    }
  }
  return out;
}

/** What an update sends: the changed fields only (empty when nothing changed). */
export function updatePatch(specs: readonly FieldSpec[], current: Record<string, unknown>, values: Record<string, unknown>): Record<string, unknown> {
  return changedFields(formArgs(specs, current), formArgs(specs, values));
}

/** A record's values as the form's starting point. */
export function formInitial(specs: readonly FieldSpec[], record: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const v = record?.[spec.name];
    if (spec.type === 'text') out[spec.name] = v ?? '';
    else if (spec.type === 'multi') out[spec.name] = Array.isArray(v) ? v : [];
    else if (spec.type === 'switch') out[spec.name] = Boolean(v);
    else out[spec.name] = v ?? undefined;
  }
  return out;
}
