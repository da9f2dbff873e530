/**
 * The application menu, labelled from the message catalogs. Roles give each item its
 * usual shortcut (Ctrl+C, Ctrl+Plus, F11…); zooming matters at desks where the text
 * must be read from a little further away.
 */
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../domain/dates';
import { translate } from '../../domain/i18n';

export function applicationMenu(locale: Locale, opts: { devTools: boolean }): MenuItemConstructorOptions[] {
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: t('electron.menu.reload') },
    { type: 'separator' },
    { role: 'resetZoom', label: t('electron.menu.actualSize') },
    { role: 'zoomIn', label: t('electron.menu.zoomIn') },
    { role: 'zoomOut', label: t('electron.menu.zoomOut') },
    { type: 'separator' },
    { role: 'togglefullscreen', label: t('electron.menu.fullScreen') },
  ];
  if (opts.devTools) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: t('electron.menu.devTools') });
  return [
    { label: t('electron.menu.file'), submenu: [{ role: 'quit', label: t('electron.menu.quit') }] },
    {
      label: t('electron.menu.edit'),
      submenu: [
        { role: 'undo', label: t('electron.menu.undo') },
        { role: 'redo', label: t('electron.menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: t('electron.menu.cut') },
        { role: 'copy', label: t('electron.menu.copy') },
        { role: 'paste', label: t('electron.menu.paste') },
        { role: 'selectAll', label: t('electron.menu.selectAll') },
      ],
    },
    { label: t('electron.menu.view'), submenu: view },
    {
      label: t('electron.menu.window'),
      submenu: [
        { role: 'minimize', label: t('electron.menu.minimize') },
        { role: 'close', label: t('electron.menu.close') },
      ],
    },
  ];
}

/**
 * The right-click menu: cut, copy, paste and select all where they apply (Chromium shows
 * none of its own in Electron). Empty when there is nothing to offer.
 */
export function editContextMenu(locale: Locale, params: Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'editFlags'>): MenuItemConstructorOptions[] {
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const flags = params.editFlags;
  if (params.isEditable) {
    return [
      { role: 'cut', label: t('electron.menu.cut'), enabled: flags.canCut },
      { role: 'copy', label: t('electron.menu.copy'), enabled: flags.canCopy },
      { role: 'paste', label: t('electron.menu.paste'), enabled: flags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', label: t('electron.menu.selectAll'), enabled: flags.canSelectAll },
    ];
  }
  if (params.selectionText.trim() !== '') return [{ role: 'copy', label: t('electron.menu.copy'), enabled: flags.canCopy }];
  return [];
}
