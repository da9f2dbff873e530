import '../components/testing/jsdom';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import { beforeEach, describe, expect, it } from 'vitest';
import { todayInTaipei } from '../../domain/dates';
import { translate, type MessageKey, type MessageParams } from '../../domain/i18n';
import { quickPeriod } from '../../domain/report/picks';
import type { ReportSectionResult, ReportSite } from '../../domain/report/compute';
import { FigureTable } from './FigureTable';
import { PeriodBar } from './PeriodBar';
import { useReportDesk } from './store';

const zh = (key: MessageKey, params?: MessageParams) => translate('zh-TW', key, params);
const SEED = { from: '2021-09-01', to: '2022-01-31' };

function Bar() {
  const period = useReportDesk((s) => s.period) ?? SEED;
  return (
    // Without motion, the help under the field is the current one at once.
    <ConfigProvider theme={{ token: { motion: false } }}>
      <App>
        <PeriodBar period={period} year={2022} ready />
      </App>
    </ConfigProvider>
  );
}

const field = () => screen.getByLabelText(zh('report.ui.period')) as HTMLInputElement;
function typeAndEnter(text: string) {
  fireEvent.change(field(), { target: { value: text } });
  fireEvent.keyDown(field(), { key: 'Enter', code: 'Enter', keyCode: 13 });
  // The field takes one Enter per key press: the key comes up again.
  fireEvent.keyUp(field(), { key: 'Enter', code: 'Enter', keyCode: 13 });
}

describe("the report's period field", () => {
  beforeEach(() => useReportDesk.setState({ period: SEED, year: null }));

  it('applies a typed quarter on Enter and writes it back as days', () => {
    render(<Bar />);
    typeAndEnter('110Q3');
    expect(useReportDesk.getState().period).toEqual({ from: '2021-07-01', to: '2021-09-30' });
    expect(field().value).toBe('110/07/01–110/09/30');
  });

  it('says under the field what it cannot read, and keeps the period shown', async () => {
    render(<Bar />);
    typeAndEnter('110/13');
    expect(await screen.findByText(zh('report.ui.period.invalid', { text: '110/13' }))).toBeTruthy();
    expect(useReportDesk.getState().period).toEqual(SEED);
    typeAndEnter('111/01/31–110/09/01');
    await waitFor(() => expect(screen.getByText(zh('report.ui.period.backwards', { text: '111/01/31–110/09/01' }))).toBeTruthy());
    expect(useReportDesk.getState().period).toEqual(SEED);
  });

  it('takes a quick pick, and counts the annual permits for its year again', () => {
    useReportDesk.setState({ year: 2020 });
    render(<Bar />);
    fireEvent.click(screen.getByRole('button', { name: /^上\s?月$/ }));
    expect(useReportDesk.getState().period).toEqual(quickPeriod('lastMonth', todayInTaipei()));
    expect(useReportDesk.getState().year).toBeNull();
  });
});

describe("a section's figures table", () => {
  const sites: ReportSite[] = [
    { id: 's1', code: 'A', nameZh: '四維行政中心', nameEn: 'Siwei Administration Center' },
    { id: 's2', code: 'B', nameZh: '鳳山行政中心', nameEn: 'Fengshan Administration Center' },
  ];
  const section: ReportSectionResult = {
    deskId: 'parking',
    title: 'report.section.parking',
    text: '',
    figures: [
      {
        name: 'annual_permits',
        measure: '張',
        label: 'report.figure.annual_permits',
        deskId: 'parking',
        call: 'parking.figures',
        forYear: true,
        now: { total: 741, bySite: { s1: 494, s2: 247 } },
        lastYear: { total: 700 },
      },
      {
        name: 'temporary_permits',
        measure: '張',
        label: 'report.figure.temporary_permits',
        deskId: 'parking',
        call: 'parking.figures',
        forYear: false,
        now: { total: 4517, bySite: { s1: 2961, s2: 1556 } },
        lastYear: { total: 0 },
      },
    ],
  };

  it('writes each total with separators and its measure word, per site, a year earlier and the change', () => {
    const opened: string[] = [];
    render(<FigureTable section={section} sites={sites} year={2022} onDrill={(f) => opened.push(f)} />);
    const rows = screen.getAllByRole('row').map((r) => Array.from(r.children).map((c) => c.textContent));
    expect(rows[0]).toEqual([zh('report.ui.figure'), zh('report.ui.total'), '四維行政中心', '鳳山行政中心', zh('report.ui.lastYear'), zh('report.ui.change')]);
    expect(rows[1]).toEqual(['年度停車證（111 年度）', '741 張', '494 張', '247 張', '700 張', '+41（+5.9%）']);
    expect(rows[2]).toEqual(['臨時停車證', '4,517 張', '2,961 張', '1,556 張', '0 張', `+4,517（${zh('report.ui.change.new')}）`]);
    fireEvent.click(screen.getByRole('button', { name: zh('report.ui.drill.open', { figure: '臨時停車證' }) }));
    expect(opened).toEqual(['temporary_permits']);
  });
});
