/** The 2022 (民國111年) working-day exceptions of the government calendar that the demo period touches. */
import type { ImportedDay } from '../../../domain/working-days';

export const DEMO_CALENDAR_YEAR = 2022;

export const DEMO_CALENDAR_2022: ImportedDay[] = [
  { date: '2022-01-22', kind: 'workday', name: '補行上班（2月4日調整放假）' },
  { date: '2022-01-31', kind: 'holiday', name: '農曆除夕' },
  { date: '2022-02-01', kind: 'holiday', name: '春節' },
  { date: '2022-02-02', kind: 'holiday', name: '春節' },
  { date: '2022-02-03', kind: 'holiday', name: '春節' },
  { date: '2022-02-04', kind: 'holiday', name: '調整放假' },
  { date: '2022-02-28', kind: 'holiday', name: '和平紀念日' },
  { date: '2022-04-04', kind: 'holiday', name: '兒童節' },
  { date: '2022-04-05', kind: 'holiday', name: '民族掃墓節' },
  { date: '2022-06-03', kind: 'holiday', name: '端午節' },
  { date: '2022-09-09', kind: 'holiday', name: '中秋節補假' },
  { date: '2022-10-10', kind: 'holiday', name: '國慶日' },
];
