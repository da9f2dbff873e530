import { describe, expect, it } from 'vitest';
import { formArgs, updatePatch, type FieldSpec } from './record-form-logic';

const spaceFields: FieldSpec[] = [
  { name: 'code', type: 'text' },
  { name: 'nameZh', type: 'text', required: true },
  { name: 'capacity', type: 'number' },
  { name: 'floorId', type: 'select' },
];
const space = { id: 'x', code: '301', nameZh: '第一會議室', capacity: 60, floorId: 'f3', archived: false };

describe('an update carries only what the user changed', () => {
  it('sends the one edited field', () => {
    expect(updatePatch(spaceFields, space, { ...space, nameZh: '市府第一會議室' })).toEqual({ nameZh: '市府第一會議室' });
  });

  it('sends nothing when the only difference is spaces around a text or an untouched field', () => {
    expect(updatePatch(spaceFields, space, { ...space, nameZh: ' 第一會議室 ', capacity: '60' })).toEqual({});
  });

  it('a cleared number becomes null, not an empty text', () => {
    expect(updatePatch(spaceFields, space, { ...space, capacity: null })).toEqual({ capacity: null });
  });

  it('reordering a multiple choice is no change; adding one is', () => {
    const roles: FieldSpec[] = [{ name: 'roles', type: 'multi' }];
    const user = { roles: ['viewer', 'admin'] };
    expect(updatePatch(roles, user, { roles: ['admin', 'viewer'] })).toEqual({});
    expect(updatePatch(roles, user, { roles: ['viewer', 'admin', 'guard'] })).toEqual({ roles: ['admin', 'guard', 'viewer'] });
  });
});

describe('a new record', () => {
  it('leaves out an empty field the backend fills itself, and trims texts', () => {
    const floor: FieldSpec[] = [
      { name: 'name', type: 'text' },
      { name: 'level', type: 'number', whenEmpty: 'omit' },
    ];
    expect(formArgs(floor, { name: ' B2 ', level: undefined })).toEqual({ name: 'B2' });
    expect(formArgs(floor, { name: 'B2', level: -2 })).toEqual({ name: 'B2', level: -2 });
  });
});
