import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type MessageParams } from '../../domain/i18n';
import { historyLines } from './history-logic';

const zh = (key: MessageKey, params?: MessageParams) => translate('zh-TW', key, params);
const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);

describe('history lines', () => {
  it('names fields and values in the user language', () => {
    expect(historyLines('user', { roles: [['viewer'], ['admin', 'viewer']] }, zh).map((l) => l.text)).toEqual(['角色：檢視者 → 系統管理者、檢視者']);
    expect(historyLines('space', { kind: ['office', 'meeting_room'], capacity: [null, 20] }, en).map((l) => l.text)).toEqual(['Kind: Office → Meeting room', 'Capacity: (none) → 20']);
  });

  it('names a referenced record when it is known', () => {
    const resolve = (field: string, id: string) => (field === 'agencyId' && id === 'a1' ? '民政局' : undefined);
    expect(historyLines('person', { agencyId: ['a1', 'a2'] }, zh, resolve)[0].text).toBe('機關：民政局 → a2');
  });
});
