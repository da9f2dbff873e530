import { describe, expect, it } from 'vitest';
import { auditChanges, sameValue } from './audit';

describe('auditChanges: what one write changed, as the history shows it', () => {
  it('a new record: every shown field from nothing', () => {
    expect(auditChanges('create', null, { id: 's1', code: 'SW', nameZh: '四維', createdAt: 't', updatedAt: 't', note: undefined })).toEqual({ code: [null, 'SW'], nameZh: [null, '四維'] });
  });

  it('a change: only the fields that differ, old → new, absent as null', () => {
    const before = { id: 's1', code: 'SW', nameZh: '四維', tags: ['a'], updatedAt: 't1' };
    expect(auditChanges('update', before, { id: 's1', nameZh: '四維中心', code: 'SW', address: '路', tags: ['a'], updatedAt: 't2', phone: undefined })).toEqual({
      nameZh: ['四維', '四維中心'],
      address: [null, '路'],
    });
  });

  it('a change that changed no shown field makes no entry', () => {
    expect(auditChanges('update', { id: 's1', code: 'SW', updatedAt: 't1' }, { code: 'SW', updatedAt: 't2' })).toBeNull();
  });

  it('nested values that differ only in key order (jsonb) are the same', () => {
    const before = { photos: [{ sha256: 'ab', name: 'x.jpg', size: 1 }] };
    expect(auditChanges('update', before, { photos: [{ size: 1, name: 'x.jpg', sha256: 'ab' }] })).toBeNull();
    expect(sameValue({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
  });

  it('a removed record: every shown field to nothing', () => {
    expect(auditChanges('delete', { id: 's1', code: 'SW', createdAt: 't' }, null)).toEqual({ code: ['SW', null] });
  });
});
