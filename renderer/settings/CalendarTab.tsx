/**
 * Settings › 行事曆: the days of a year that depart from the Monday–Friday rule (holidays,
 * make-up working days, typhoon closures), a month grid of the whole year, and the import
 * of the government's calendar CSV.
 */
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography, Upload, theme } from 'antd';
import { useMemo, useState } from 'react';
import { ROC_OFFSET, todayInTaipei, type BusinessDate } from '../../domain/dates';
import { DAY_KINDS, type CalendarDay, type DayKind } from '../../domain/entities';
import { isWorkingDay, type CalendarExceptions } from '../../domain/working-days';
import { api } from '../app/api';
import { useLocale, useT } from '../app/i18n';
import { errorMessage } from '../app/store';
import { KeyboardForm } from '../components/KeyboardForm';
import { RocDate } from '../components/RocDate';
import { RocDatePicker } from '../components/RocDatePicker';
import { mutate } from '../app/mutate';
import { likelyKind, monthWeeks, yearSummary } from '../app/calendar-logic';
import { decodeCalendarCsv, readAsBytes } from '../app/files';
import { useMayRun } from '../app/permissions';
import { refreshReference, useCalendarDays, useCalendarExceptions, useLoaded } from '../app/reference';

const KIND_COLOR: Record<DayKind, string> = { holiday: 'red', workday: 'blue', closure: 'orange' };

type ImportOutcome = { ok: true; imported: number; problems: string[] } | { ok: false; message: string };

export function CalendarTab() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { modal } = App.useApp();
  const days = useCalendarDays();
  const loaded = useLoaded('calendarDay');
  const thisYear = Number(todayInTaipei().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [editing, setEditing] = useState<{ date: BusinessDate | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<ImportOutcome | null>(null);
  const mayEdit = useMayRun('calendarDay.set');

  const exceptions = useCalendarExceptions();
  const ofYear = useMemo(() => days.filter((d) => d.date.startsWith(`${year}-`)).sort((a, b) => a.date.localeCompare(b.date)), [days, year]);
  const summary = useMemo(() => yearSummary(year, exceptions), [year, exceptions]);
  // Every year from the oldest on file (or five years back) to next year.
  const years = useMemo(() => {
    const first = Math.min(thisYear - 5, ...days.map((d) => Number(d.date.slice(0, 4))));
    return Array.from({ length: thisYear + 2 - first }, (_, i) => thisYear + 1 - i);
  }, [days, thisYear]);
  const yearLabel = (y: number) => t('settings.calendar.yearOption', { roc: String(y - ROC_OFFSET), year: String(y) });
  const weekday = (date: BusinessDate) => new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

  const clear = (date: BusinessDate, name: string, onDone?: () => void) =>
    modal.confirm({
      title: t('settings.calendar.confirmClear', { name: name || t(`dayKind.${exceptions.get(date)?.kind ?? 'holiday'}`) }),
      okText: t('settings.calendar.clear'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await mutate('calendarDay.clear', { date });
        if (!result.ok) modal.error({ title: result.message });
        else onDone?.();
      },
    });

  const importFile = (file: File) =>
    modal.confirm({
      title: t('calendar.import'),
      content: t('settings.calendar.importConfirm', { year: yearLabel(year), file: file.name }),
      okText: t('common.import'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setImporting(true);
        try {
          const csv = decodeCalendarCsv(await readAsBytes(file));
          const result = await api.call('calendar.importCsv', { year, csv });
          if (result.ok) await refreshReference(['calendarDay']);
          setImported(result.ok ? result : { ok: false, message: result.message });
        } catch (e) {
          setImported({ ok: false, message: errorMessage(e) });
        } finally {
          setImporting(false);
        }
      },
    });

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap align="center">
        <Typography.Text>{t('calendar.year')}</Typography.Text>
        <Select size="small" value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: yearLabel(y) }))} style={{ width: 180 }} />
        <Typography.Text type="secondary">{t('settings.calendar.summary', { working: summary.working, off: summary.off })}</Typography.Text>
        {mayEdit && (
          <Flex gap={8} style={{ marginInlineStart: 'auto' }}>
            <Upload
              accept=".csv,text/csv"
              showUploadList={false}
              beforeUpload={(file) => {
                importFile(file);
                return false;
              }}
            >
              <Button size="small" loading={importing}>
                {t('calendar.import')}
              </Button>
            </Upload>
            <Button size="small" type="primary" onClick={() => setEditing({ date: null })}>
              {t('settings.calendar.add')}
            </Button>
          </Flex>
        )}
      </Flex>
      {!mayEdit && <Alert type="info" showIcon title={t('settings.readOnly')} />}

      {imported && (
        <Alert
          closable={{ onClose: () => setImported(null) }}
          showIcon
          type={!imported.ok ? 'error' : imported.problems.length > 0 ? 'warning' : 'success'}
          title={imported.ok ? t('calendar.importDone', { count: imported.imported }) : imported.message}
          description={
            imported.ok && imported.problems.length > 0 ? (
              <div style={{ maxHeight: 120, overflow: 'auto' }}>
                {imported.problems.map((p, i) => (
                  <div key={i}>{p}</div>
                ))}
              </div>
            ) : undefined
          }
        />
      )}

      <Flex gap={16} align="start">
        <YearGrid year={year} exceptions={exceptions} onPick={mayEdit ? (date) => setEditing({ date }) : undefined} />
        <Table<CalendarDay>
          style={{ flex: 1, minWidth: 0 }}
          size="small"
          rowKey="date"
          loading={!loaded}
          dataSource={ofYear}
          pagination={false}
          scroll={{ y: 'calc(100vh - 290px)' }}
          locale={{ emptyText: t('settings.calendar.empty', { year: yearLabel(year) }) }}
          columns={[
            {
              key: 'date',
              title: t('field.date'),
              width: 130,
              render: (_, d) =>
                mayEdit ? (
                  <Typography.Link onClick={() => setEditing({ date: d.date })}>
                    <RocDate date={d.date} /> {weekday(d.date)}
                  </Typography.Link>
                ) : (
                  <span>
                    <RocDate date={d.date} /> {weekday(d.date)}
                  </span>
                ),
            },
            {
              key: 'kind',
              title: t('field.kind'),
              width: 120,
              render: (_, d) => (
                <Tag color={KIND_COLOR[d.kind]} title={t(`dayKind.${d.kind}`)} style={{ maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'middle' }}>
                  {t(`dayKind.${d.kind}`)}
                </Tag>
              ),
            },
            { key: 'name', title: t('field.name'), dataIndex: 'name', ellipsis: true },
            {
              key: 'actions',
              width: 72,
              render: (_, d) =>
                mayEdit && (
                  <Typography.Link type="danger" onClick={() => clear(d.date, d.name)}>
                    {t('settings.calendar.clear')}
                  </Typography.Link>
                ),
            },
          ]}
        />
      </Flex>

      <DayDialog
        key={editing ? (editing.date ?? 'new') : 'closed'}
        open={editing !== null}
        date={editing?.date ?? null}
        existing={editing?.date ? days.find((d) => d.date === editing.date) : undefined}
        onClose={() => setEditing(null)}
        onClear={(date, name) => clear(date, name, () => setEditing(null))}
      />
    </Flex>
  );
}

/** Twelve small months; a click on a day opens it. */
function YearGrid({ year, exceptions, onPick }: { year: number; exceptions: CalendarExceptions; onPick?: (date: BusinessDate) => void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { token } = theme.useToken();
  const today = todayInTaipei();
  const monthName = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const dayName = new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' });
  // 2023-01-01 was a Sunday: the header's weekday names from it.
  const header = Array.from({ length: 7 }, (_, i) => dayName.format(new Date(Date.UTC(2023, 0, 1 + i))));
  const cell = 20;

  const look = (date: BusinessDate) => {
    const exception = exceptions.get(date);
    if (exception?.kind === 'workday') return { background: token.colorInfoBg, color: token.colorPrimary, fontWeight: 600 };
    if (exception?.kind === 'closure') return { background: token.colorWarningBg, color: token.colorWarning, fontWeight: 600 };
    if (exception) return { background: token.colorErrorBg, color: token.colorError, fontWeight: 600 };
    if (!isWorkingDay(date, exceptions)) return { background: token.colorFillTertiary, color: token.colorTextTertiary };
    return {};
  };

  const swatch = (style: object, label: string) => (
    <Space size={4} key={label}>
      <span style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 2, border: `1px solid ${token.colorBorderSecondary}`, ...style }} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
    </Space>
  );

  return (
    <Card size="small" style={{ flex: 'none' }} styles={{ body: { padding: 8 } }}>
      <div style={{ display: 'grid', gridTemplateColumns: `repeat(4, ${cell * 7}px)`, gap: '8px 12px' }}>
        {Array.from({ length: 12 }, (_, m) => (
          <div key={m}>
            <Typography.Text strong style={{ fontSize: 12 }}>
              {monthName.format(new Date(Date.UTC(year, m, 1)))}
            </Typography.Text>
            <div style={{ display: 'grid', gridTemplateColumns: `repeat(7, ${cell}px)`, fontSize: 11, textAlign: 'center', lineHeight: `${cell - 2}px` }}>
              {header.map((h, i) => (
                <span key={i} style={{ color: token.colorTextTertiary }}>
                  {h}
                </span>
              ))}
              {monthWeeks(year, m + 1)
                .flat()
                .map((date, i) =>
                  date ? (
                    <span
                      key={date}
                      role={onPick ? 'button' : undefined}
                      title={exceptions.get(date)?.name || undefined}
                      onClick={onPick && (() => onPick(date))}
                      style={{ cursor: onPick ? 'pointer' : undefined, borderRadius: 3, outline: date === today ? `1px solid ${token.colorPrimary}` : undefined, ...look(date) }}
                    >
                      {Number(date.slice(8))}
                    </span>
                  ) : (
                    <span key={`blank${i}`} />
                  ),
                )}
            </div>
          </div>
        ))}
      </div>
      <Flex gap={12} wrap style={{ marginTop: 8 }}>
        {swatch({}, t('calendar.workingDay'))}
        {swatch({ background: token.colorFillTertiary }, t('calendar.dayOff'))}
        {swatch({ background: token.colorErrorBg }, t('dayKind.holiday'))}
        {swatch({ background: token.colorInfoBg }, t('dayKind.workday'))}
        {swatch({ background: token.colorWarningBg }, t('settings.calendar.closureShort'))}
      </Flex>
    </Card>
  );
}

interface DayDialogProps {
  open: boolean;
  /** The day picked (from the grid or the list); null: the clerk chooses. */
  date: BusinessDate | null;
  existing?: CalendarDay;
  onClose(): void;
  onClear(date: BusinessDate, name: string): void;
}

type DayValues = { date: BusinessDate | null; kind: DayKind; name: string };

/** Adds or changes one day's exception. */
function DayDialog({ open, date, existing, onClose, onClear }: DayDialogProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DayValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (values: DayValues) => {
    if (!values.date) return;
    setSaving(true);
    setProblem(null);
    const result = await mutate('calendarDay.set', { date: values.date, kind: values.kind, name: (values.name ?? '').trim() });
    setSaving(false);
    if (!result.ok) {
      setProblem(result.message);
      const field = result.problem.field as keyof DayValues | undefined;
      if (field === 'date' || field === 'kind' || field === 'name') form.setFields([{ name: field, errors: [result.message] }]);
      return;
    }
    void message.success(t('common.saved'));
    onClose();
  };

  return (
    <Modal open={open} title={existing ? t('settings.calendar.edit') : t('settings.calendar.add')} onCancel={onClose} footer={null} width={440} destroyOnHidden keyboard={false}>
      <KeyboardForm<DayValues>
        form={form}
        layout="vertical"
        size="small"
        initialValues={{ date, kind: existing?.kind ?? (date ? likelyKind(date) : 'holiday'), name: existing?.name ?? '' }}
        onSubmit={save}
        onCancel={onClose}
        onValuesChange={(changed: Partial<DayValues>) => {
          if (problem) setProblem(null);
          // A date picked for a new exception suggests its kind.
          if (changed.date && !existing) form.setFieldValue('kind', likelyKind(changed.date));
        }}
      >
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
        <Form.Item name="date" label={t('field.date')} rules={[{ required: true, message: t('error.required', { field: t('field.date') }) }]} style={{ marginBottom: 12 }}>
          <RocDatePicker disabled={!!existing} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label={t('field.kind')} rules={[{ required: true }]} style={{ marginBottom: 12 }}>
          <Select options={DAY_KINDS.map((k) => ({ value: k, label: t(`dayKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('field.name')} rules={[{ max: 60, message: t('error.tooLong', { field: t('field.name'), max: 60 }) }]} style={{ marginBottom: 12 }}>
          <Input maxLength={60} autoComplete="off" placeholder={t('settings.calendar.namePlaceholder')} />
        </Form.Item>
        <Flex justify="space-between">
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('common.save')}
            </Button>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
          </Space>
          {existing && (
            <Button danger onClick={() => onClear(existing.date, existing.name)}>
              {t('settings.calendar.clear')}
            </Button>
          )}
        </Flex>
      </KeyboardForm>
    </Modal>
  );
}
