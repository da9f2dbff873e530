/**
 * Messages of the report desk (報表). Each desk's section of the report (its title,
 * figures, sentence and charts) keeps its messages in the desk's own part; here are the
 * report desk's screens, workbook and printout. zh-TW first; English must carry every key.
 */
export const reportZh = {
  'report.ui.title': '業務報告',
  'report.ui.fileName': '業務報告',
  'report.ui.summary': '摘要',
  'report.ui.section': '業務',
  'report.ui.figure': '項目',
  'report.ui.total': '合計',
  'report.ui.lastYear': '去年同期',
  'report.ui.measure': '單位',
  'report.ui.change': '增減',
} as const;

export const reportEn: Record<keyof typeof reportZh, string> = {
  'report.ui.title': 'Business report',
  'report.ui.fileName': 'Business report',
  'report.ui.summary': 'Summary',
  'report.ui.section': 'Desk',
  'report.ui.figure': 'Figure',
  'report.ui.total': 'Total',
  'report.ui.lastYear': 'Same period last year',
  'report.ui.measure': 'Unit',
  'report.ui.change': 'Change',
};
