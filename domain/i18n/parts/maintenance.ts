/** Messages of the maintenance desk's repair tickets (報修單). zh-TW first; English must carry every key. */
export const maintenanceZh = {
  'maint.tab.tickets': '報修單',
  'maint.tab.myWork': '我的工作',
  'maint.tab.inspections': '定期保養',
  'maint.tab.projects': '工程',
  'maint.tab.assets': '設備',
} as const;

export const maintenanceEn: Record<keyof typeof maintenanceZh, string> = {
  'maint.tab.tickets': 'Repair tickets',
  'maint.tab.myWork': 'My work',
  'maint.tab.inspections': 'Preventive maintenance',
  'maint.tab.projects': 'Projects',
  'maint.tab.assets': 'Assets',
};
