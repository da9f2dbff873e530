/** Messages of the settings area. zh-TW first; English must carry every key. */
export const settingsZh = {
  'settings.restored': '已恢復「{name}」',
  'settings.archivedDone': '已封存「{name}」',
  'settings.deleted': '已刪除「{name}」',
  'settings.created': '已新增「{name}」',
  'settings.history.none': '尚無異動紀錄',
  'settings.history.value': '{field}：{value}',
} as const;

export const settingsEn: Record<keyof typeof settingsZh, string> = {
  'settings.restored': '"{name}" restored',
  'settings.archivedDone': '"{name}" archived',
  'settings.deleted': '"{name}" deleted',
  'settings.created': '"{name}" added',
  'settings.history.none': 'No changes recorded yet',
  'settings.history.value': '{field}: {value}',
};
