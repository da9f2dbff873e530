/** The report desk (業務報告) as the shell sees it: every desk reader sees it; the supervisor writes the council's report from it. */
import { BarChartOutlined } from '@ant-design/icons';
import { DESK_READERS } from '../../domain/call';
import { todayInTaipei, type Locale } from '../../domain/dates';
import { translate } from '../../domain/i18n';
import { quickPeriod } from '../../domain/report/picks';
import type { DeskEntry } from '../app/desks';
import { useShell } from '../app/store';
import { useReportDesk } from './store';

function reportCommands(locale: Locale, other: Locale) {
  return [
    {
      id: 'reports.open',
      label: translate(locale, 'report.ui.palette.open'),
      aliases: [translate(other, 'report.ui.palette.open'), '報表', '業務報告', 'report'],
      run: () => useShell.getState().goTo('reports'),
    },
    {
      id: 'reports.lastMonth',
      label: translate(locale, 'report.ui.palette.lastMonth'),
      aliases: [translate(other, 'report.ui.palette.lastMonth'), '上月', 'last month'],
      run: () => {
        useReportDesk.getState().setPeriod(quickPeriod('lastMonth', todayInTaipei()));
        useShell.getState().goTo('reports');
      },
    },
  ];
}

export const reportDesk: DeskEntry = {
  id: 'reports',
  label: 'nav.reports',
  icon: <BarChartOutlined />,
  roles: DESK_READERS,
  load: () => import('./ReportDesk').then((m) => m.ReportDesk),
  commands: reportCommands,
};
