import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenu, editContextMenu } from './menu';

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [...(i.label ? [i.label] : []), ...(Array.isArray(i.submenu) ? labels(i.submenu) : [])]);
}

describe('the application menu', () => {
  it('is labelled in the workstation language', () => {
    const zh = applicationMenu('zh-TW', { devTools: false });
    expect(zh.map((m) => m.label)).toEqual(['檔案', '編輯', '檢視', '視窗']);
    expect(labels(zh)).toContain('複製');
    expect(applicationMenu('en', { devTools: false }).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window']);
  });

  it('labels every item (no role falls back to an English default)', () => {
    const count = (items: MenuItemConstructorOptions[]): number => items.reduce((n, i) => n + (i.type === 'separator' ? 0 : 1) + (Array.isArray(i.submenu) ? count(i.submenu) : 0), 0);
    const zh = applicationMenu('zh-TW', { devTools: true });
    expect(labels(zh)).toHaveLength(count(zh));
  });

  it('offers developer tools only in unpackaged builds', () => {
    const roles = (devTools: boolean) => applicationMenu('zh-TW', { devTools }).flatMap((m) => (Array.isArray(m.submenu) ? m.submenu.map((i) => i.role) : []));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });
});

describe('the right-click menu', () => {
  const flags = { canUndo: false, canRedo: false, canCut: true, canCopy: true, canPaste: false, canDelete: true, canSelectAll: true, canEditRichly: false };

  it('offers cut, copy, paste and select all in a text field, enabled as Chromium says', () => {
    const items = editContextMenu('zh-TW', { isEditable: true, selectionText: 'ab', editFlags: flags });
    expect(items.filter((i) => i.type !== 'separator').map((i) => [i.label, i.enabled])).toEqual([
      ['剪下', true],
      ['複製', true],
      ['貼上', false],
      ['全選', true],
    ]);
  });

  it('offers copy for selected text, and nothing elsewhere', () => {
    expect(editContextMenu('en', { isEditable: false, selectionText: '111/01/31', editFlags: flags }).map((i) => i.label)).toEqual(['Copy']);
    expect(editContextMenu('en', { isEditable: false, selectionText: '  ', editFlags: flags })).toEqual([]);
  });
});
