/** Messages of the Electron shell: window title, application menu, start-up failure. zh-TW first; English must carry every key. */
export const electronZh = {
  'electron.windowTitle': 'GA Desk 總務櫃檯',

  'electron.menu.file': '檔案',
  'electron.menu.quit': '結束',
  'electron.menu.edit': '編輯',
  'electron.menu.undo': '復原',
  'electron.menu.redo': '重做',
  'electron.menu.cut': '剪下',
  'electron.menu.copy': '複製',
  'electron.menu.paste': '貼上',
  'electron.menu.selectAll': '全選',
  'electron.menu.view': '檢視',
  'electron.menu.reload': '重新整理',
  'electron.menu.actualSize': '實際大小',
  'electron.menu.zoomIn': '放大',
  'electron.menu.zoomOut': '縮小',
  'electron.menu.fullScreen': '全螢幕',
  'electron.menu.devTools': '開發人員工具',
  'electron.menu.window': '視窗',
  'electron.menu.minimize': '最小化',
  'electron.menu.close': '關閉視窗',

  'electron.startFailed.title': '總務櫃檯無法啟動',
  'electron.startFailed.body': '無法開啟資料夾 {dataDir} 中的工作站資料。\n\n{reason}',
} as const;

export const electronEn: Record<keyof typeof electronZh, string> = {
  'electron.windowTitle': 'GA Desk',

  'electron.menu.file': 'File',
  'electron.menu.quit': 'Quit',
  'electron.menu.edit': 'Edit',
  'electron.menu.undo': 'Undo',
  'electron.menu.redo': 'Redo',
  'electron.menu.cut': 'Cut',
  'electron.menu.copy': 'Copy',
  'electron.menu.paste': 'Paste',
  'electron.menu.selectAll': 'Select All',
  'electron.menu.view': 'View',
  'electron.menu.reload': 'Reload',
  'electron.menu.actualSize': 'Actual Size',
  'electron.menu.zoomIn': 'Zoom In',
  'electron.menu.zoomOut': 'Zoom Out',
  'electron.menu.fullScreen': 'Full Screen',
  'electron.menu.devTools': 'Developer Tools',
  'electron.menu.window': 'Window',
  'electron.menu.minimize': 'Minimize',
  'electron.menu.close': 'Close Window',

  'electron.startFailed.title': 'GA Desk could not start',
  'electron.startFailed.body': 'The workstation data in the folder {dataDir} could not be opened.\n\n{reason}',
};
