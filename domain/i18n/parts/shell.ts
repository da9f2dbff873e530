/** Messages of the shell area. zh-TW first; English must carry every key. */
export const shellZh = {
  'shell.startFailed': '無法連線到工作站',
  'shell.retry': '重試',
  'shell.navLabel': '作業區',
  'shell.userMenu': '使用者選單',
  'shell.rolesNone': '未指派角色',
  'shell.palette.keys': '↑↓ 選擇　Enter 執行　Esc 關閉',
  'shell.palette.logout': '登出',
  'shell.palette.languageTo': '切換語言：{language}',

  'shell.language.zh-TW': '中文（臺灣）',
  'shell.language.en': 'English',

  'shell.firstRun.loadHelp': '載入兩個行政中心、機關、人員，以及各角色的示範帳號，方便試用與教育訓練。',
  'shell.firstRun.skipHelp': '不載入任何資料，接著建立第一位系統管理者。',
  'shell.firstRun.failed': '示範資料載入失敗：{message}',
  'shell.firstRun.loaded': '已載入 {count} 筆示範資料，請以示範帳號登入。',

  'shell.admin.title': '建立第一位系統管理者',
  'shell.admin.help': '這位管理者可以新增其他使用者、設定場所與機關資料。',
  'shell.admin.orDemo': '或改為載入示範資料',

  'shell.lock.title': '工作站已鎖定',
  'shell.lock.signedInAs': '目前登入：{name}（{username}）',
  'shell.lock.unlock': '解除鎖定',
  'shell.lock.help': '請輸入密碼繼續作業，或切換為其他使用者登入。',

  'shell.status.connection': '連線狀態',
  'shell.status.neverSynced': '尚未同步',
  'shell.status.lastError': '同步問題：{message}',
  'shell.status.attentionNone': '無待處理事項',
  'shell.attention.title': '待處理事項',
  'shell.attention.empty': '目前沒有需要處理的事項。同步遭到退回或發生衝突的資料會列在這裡。',

  'shell.general.languageHelp': '只影響這台工作站的畫面。',
  'shell.general.autoLockHelp': '超過這段時間沒有使用鍵盤或滑鼠，工作站會自動鎖定（1–240 分鐘）。',
  'shell.general.version': '版本',
  'shell.general.server': '同步伺服器',
  'shell.general.serverNone': '未設定（單機作業）',
  'shell.general.shortcuts': '快速鍵',
  'shell.general.shortcutDesks': '切換作業區',
  'shell.general.shortcutPalette': '指令列',

  'date.rocYear': '民國{year}年',
  'date.rocBefore': '前',
} as const;

export const shellEn: Record<keyof typeof shellZh, string> = {
  'shell.startFailed': 'Cannot reach the workstation',
  'shell.retry': 'Try again',
  'shell.navLabel': 'Desks',
  'shell.userMenu': 'User menu',
  'shell.rolesNone': 'No roles assigned',
  'shell.palette.keys': '↑↓ choose · Enter run · Esc close',
  'shell.palette.logout': 'Sign out',
  'shell.palette.languageTo': 'Switch language: {language}',

  'shell.language.zh-TW': '中文（臺灣）',
  'shell.language.en': 'English',

  'shell.firstRun.loadHelp': 'Loads two administrative centers, agencies, staff and a demo user for each role, for trying the app out and for training.',
  'shell.firstRun.skipHelp': 'Loads nothing; next you create the first administrator.',
  'shell.firstRun.failed': 'The demo data could not be loaded: {message}',
  'shell.firstRun.loaded': '{count} demo records loaded. Sign in with a demo user.',

  'shell.admin.title': 'Create the first administrator',
  'shell.admin.help': 'This administrator can add other users and set up places and agencies.',
  'shell.admin.orDemo': 'or load the demo data instead',

  'shell.lock.title': 'Workstation locked',
  'shell.lock.signedInAs': 'Signed in: {name} ({username})',
  'shell.lock.unlock': 'Unlock',
  'shell.lock.help': 'Enter the password to go on, or switch to another user.',

  'shell.status.connection': 'Connection',
  'shell.status.neverSynced': 'Never synced',
  'shell.status.lastError': 'Sync problem: {message}',
  'shell.status.attentionNone': 'Nothing needs attention',
  'shell.attention.title': 'Needs attention',
  'shell.attention.empty': 'Nothing needs attention. Records the server refused or that conflicted while syncing are listed here.',

  'shell.general.languageHelp': 'Applies to this workstation only.',
  'shell.general.autoLockHelp': 'The workstation locks itself after this long without keyboard or mouse use (1–240 minutes).',
  'shell.general.version': 'Version',
  'shell.general.server': 'Sync server',
  'shell.general.serverNone': 'None (standalone)',
  'shell.general.shortcuts': 'Keyboard shortcuts',
  'shell.general.shortcutDesks': 'Switch desk',
  'shell.general.shortcutPalette': 'Command palette',

  'date.rocYear': 'ROC year {year}',
  'date.rocBefore': 'before ',
};
