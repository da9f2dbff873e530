/**
 * The annual renewal (年度換證): next year's permits from this year's valid holders. The
 * clerk reviews the list (untick to drop a line, change its plates or car park), then
 * issues it in runs of RENEWAL_RUN with a progress bar. Pausing, closing the screen or a
 * crash stops between runs; issuing again goes on where it stopped, since the backend
 * skips every line renewed already.
 */
import { Alert, App, Button, Flex, Input, InputNumber, Progress, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { ROC_OFFSET, todayInTaipei } from '../../domain/dates';
import type { RenewalRun } from '../../domain/parking/calls';
import { formatPlate, isPlate, normalizePlate, splitPlates } from '../../domain/plates';
import { RENEWAL_RUN, type RenewalChange, type RenewalLine } from '../../domain/parking/renewal';
import { MAX_PLATES } from '../../domain/parking/types';
import { api } from '../app/api';
import { useApiRead } from '../app/hooks';
import { useT } from '../app/i18n';
import { useAgencies, usePlaceLabel } from '../app/reference';
import { errorMessage } from '../app/store';
import { useParkingDesk } from './store';

/** What the clerk changed on a line: the plates as typed, the car park. */
interface Edit {
  plates?: string;
  areaId?: string;
}

/** The typed plates, normalised; null when one of them is no plate or there are too many. */
function platesOf(typed: string): string[] | null {
  const plates = splitPlates(typed).map(normalizePlate);
  return plates.length >= 1 && plates.length <= MAX_PLATES && plates.every(isPlate) ? plates : null;
}

export function Renewal() {
  const t = useT();
  const { modal, message } = App.useApp();
  const [year, setYear] = useState(Number(todayInTaipei().slice(0, 4)) + 1);
  const { data: lines, error, loading, reload } = useApiRead('parking.renewalList', { year }, { reloadOn: ['permit'], keepPrevious: true });
  const areas = useApiRead('parking.areas', {}, { reloadOn: ['parkingArea'] }).data;
  const placeLabel = usePlaceLabel();
  const { byId: agencies } = useAgencies();
  const [dropped, setDropped] = useState<ReadonlySet<string>>(new Set());
  const [edits, setEdits] = useState<Readonly<Record<string, Edit>>>({});
  const [refused, setRefused] = useState<Readonly<Record<string, string>>>({});
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [issuedIds, setIssuedIds] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const pause = useRef(false);

  const areaOptions = useMemo(() => (areas ?? []).filter((a) => a.permitTypes.includes('annual') && !a.archived).map((a) => ({ value: a.id, label: placeLabel(a.spaceId) })), [areas, placeLabel]);
  const pending = (lines ?? []).filter((l) => !l.renewed && !dropped.has(l.oldId));
  const badPlates = pending.filter((l) => edits[l.oldId]?.plates !== undefined && !platesOf(edits[l.oldId].plates!));
  const running = progress !== null && progress.done < progress.total && !pause.current;

  const edit = (oldId: string, change: Edit) => setEdits((e) => ({ ...e, [oldId]: { ...e[oldId], ...change } }));
  const changeOf = (l: RenewalLine): RenewalChange => {
    const e = edits[l.oldId];
    return { oldId: l.oldId, ...(e?.plates !== undefined ? { plates: platesOf(e.plates)! } : {}), ...(e?.areaId ? { areaId: e.areaId } : {}) };
  };

  const issue = async (todo: RenewalLine[]) => {
    pause.current = false;
    setProblem(null);
    setProgress({ done: 0, total: todo.length });
    const issued: string[] = [];
    const counts = { issued: 0, skipped: 0, refused: 0 };
    for (let i = 0; i < todo.length; i += RENEWAL_RUN) {
      if (pause.current) {
        setProgress(null);
        void message.info(t('parking.ui.renewal.paused'));
        break;
      }
      let run: RenewalRun;
      try {
        const answer = await api.call('parking.renew', { year, lines: todo.slice(i, i + RENEWAL_RUN).map(changeOf) });
        if (!answer.ok) throw new Error(answer.message);
        run = answer;
      } catch (e) {
        // What ran before stays issued; issuing again goes on from here.
        setProblem(errorMessage(e));
        setProgress(null);
        return;
      }
      issued.push(...run.issued.map((r) => r.id));
      counts.issued += run.issued.length;
      counts.skipped += run.skipped.length;
      counts.refused += run.refused.length;
      if (run.refused.length > 0) setRefused((r) => ({ ...r, ...Object.fromEntries(run.refused.map((x) => [x.oldId, x.message])) }));
      setProgress({ done: Math.min(todo.length, i + RENEWAL_RUN), total: todo.length });
    }
    setIssuedIds((ids) => [...ids, ...issued]);
    if (!pause.current) void message.success(t('parking.ui.renewal.done', counts));
    reload();
  };

  const start = () => {
    const todo = pending.filter((l) => !refused[l.oldId]);
    modal.confirm({
      title: t('parking.ui.renewal.confirm', { count: todo.length, year: year - ROC_OFFSET }),
      okText: t('parking.ui.renewal.issue', { count: todo.length }),
      cancelText: t('common.cancel'),
      onOk: () => void issue(todo),
    });
  };

  const stateOf = (l: RenewalLine) => {
    if (l.renewed) return <Tag color="success">{t('parking.ui.renewal.renewed', { number: l.renewed.number })}</Tag>;
    if (refused[l.oldId]) return <Tag color="error">{t('parking.ui.renewal.refused', { message: refused[l.oldId] })}</Tag>;
    if (dropped.has(l.oldId)) return <Tag>{t('parking.ui.renewal.dropped')}</Tag>;
    return <Tag color="processing">{t('parking.ui.renewal.pending')}</Tag>;
  };

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} align="center" wrap>
        <label>
          {t('parking.ui.renewal.year')}{' '}
          <InputNumber
            min={80}
            max={200}
            value={year - ROC_OFFSET}
            disabled={running}
            onChange={(v) => {
              if (!v) return;
              setYear(v + ROC_OFFSET);
              setDropped(new Set());
              setEdits({});
              setRefused({});
            }}
          />
        </label>
        <Button type="primary" disabled={running || pending.length === 0 || badPlates.length > 0} onClick={start}>
          {t('parking.ui.renewal.issue', { count: pending.filter((l) => !refused[l.oldId]).length })}
        </Button>
        {running && <Button onClick={() => (pause.current = true)}>{t('parking.ui.renewal.pause')}</Button>}
        {issuedIds.length > 0 && !running && <Button onClick={() => useParkingDesk.getState().printCards(issuedIds)}>{t('parking.ui.renewal.print')}</Button>}
      </Flex>
      {progress && <Progress percent={Math.round((progress.done / Math.max(1, progress.total)) * 100)} format={() => t('parking.ui.renewal.progress', progress)} />}
      {(error || problem) && <Alert type="error" message={problem ?? error} />}
      {lines && lines.length > 0 && <Typography.Text type="secondary">{t('parking.ui.renewal.intro', { from: year - 1 - ROC_OFFSET, count: lines.length })}</Typography.Text>}
      <Table<RenewalLine>
        size="small"
        rowKey="oldId"
        loading={loading && !lines}
        dataSource={lines ?? []}
        pagination={{ pageSize: 100, showSizeChanger: false }}
        locale={{ emptyText: t('parking.ui.renewal.empty', { year: year - 1 - ROC_OFFSET }) }}
        rowSelection={{
          selectedRowKeys: (lines ?? []).filter((l) => !l.renewed && !dropped.has(l.oldId)).map((l) => l.oldId),
          getCheckboxProps: (l) => ({ disabled: !!l.renewed || running }),
          onChange: (keys) => {
            const kept = new Set(keys as string[]);
            setDropped(new Set((lines ?? []).filter((l) => !l.renewed && !kept.has(l.oldId)).map((l) => l.oldId)));
          },
        }}
        columns={[
          { title: t('parking.ui.renewal.oldNumber'), dataIndex: 'oldNumber', width: 140 },
          { title: t('field.holderName'), dataIndex: 'holderName', width: 110 },
          { title: t('field.holderAgencyId'), key: 'agency', render: (_, l) => (l.holderAgencyId ? (agencies.get(l.holderAgencyId)?.nameZh ?? '') : '') },
          {
            title: t('field.plates'),
            key: 'plates',
            width: 220,
            render: (_, l) => {
              const typed = edits[l.oldId]?.plates;
              const bad = typed !== undefined && !platesOf(typed);
              return l.renewed ? (
                l.renewed.plates.map(formatPlate).join('、')
              ) : (
                <Input
                  size="small"
                  aria-label={`${t('field.plates')} ${l.oldNumber}`}
                  status={bad ? 'error' : undefined}
                  title={t('parking.ui.renewal.platesHint')}
                  value={typed ?? l.plates.map(formatPlate).join('、')}
                  onChange={(e) => edit(l.oldId, { plates: e.target.value })}
                />
              );
            },
          },
          {
            title: t('field.areaId'),
            key: 'area',
            width: 260,
            render: (_, l) =>
              l.renewed ? (
                placeLabel(areas?.find((a) => a.id === l.renewed!.areaId)?.spaceId ?? '')
              ) : (
                <Select
                  size="small"
                  style={{ width: '100%' }}
                  aria-label={`${t('field.areaId')} ${l.oldNumber}`}
                  options={areaOptions}
                  value={edits[l.oldId]?.areaId ?? l.areaId}
                  onChange={(areaId) => edit(l.oldId, { areaId })}
                />
              ),
          },
          { title: t('parking.ui.renewal.state'), key: 'state', render: (_, l) => stateOf(l) },
        ]}
      />
    </Flex>
  );
}
