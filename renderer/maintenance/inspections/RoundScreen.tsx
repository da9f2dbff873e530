/**
 * One round, recorded item by item at each location, from the keyboard:
 *   ↑ / ↓ (or K / J)   move between items
 *   P or Enter         pass, and on to the next item
 *   F                  fail, then type what was found (Enter keeps it)
 *   T                  open a repair ticket for a failed item
 *   N                  write a note on the item
 * "All remaining pass", "Complete", "Skip" and "Reopen" act on the whole round; a supervisor
 * picks who does this round (the plan keeps its own assignee).
 */
import { CameraOutlined, CheckOutlined, CloseOutlined, ToolOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Empty, Flex, Input, Progress, Space, Spin, Tag, Typography, theme } from 'antd';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatDate, todayInTaipei } from '../../../domain/dates';
import { resultId, type ChecklistItem, type InspectionResult, type Outcome } from '../../../domain/maintenance/inspections';
import type { RoundDetail } from '../../../domain/maintenance/inspections-views';
import type { Attachment } from '../../../domain/attachments';
import { useApiRead } from '../../app/hooks';
import { useLocale, useT } from '../../app/i18n';
import { isComposing } from '../../components/ime';
import { OptionalSelect } from '../../components/OptionalSelect';
import { RocDate } from '../../components/RocDate';
import { mutate } from '../../app/mutate';
import type { MutationArgs, MutationName } from '../../../domain/mutations';
import { useMayRun } from '../../app/permissions';
import { usePeople, usePlaceLabel } from '../../app/reference';
import { CompleteDialog, SkipDialog } from './RoundDialogs';
import { OpenTicketDialog, type TicketTarget } from './OpenTicketDialog';
import { useAssigneeOptions } from './PlanEditor';
import { RoundStateTag, roundState } from './labels';
import { PhotoButton } from './PhotoButton';
import { useInspections } from './store';

export interface RoundLine {
  spaceId: string;
  item: ChecklistItem;
  result: InspectionResult | undefined;
}

/** The round's items in the order they are walked: location by location, item by item. */
export function roundLines(detail: RoundDetail): RoundLine[] {
  const byId = new Map(detail.results.map((r) => [r.id, r]));
  return detail.round.spaceIds.flatMap((spaceId) => detail.round.checklist.map((item) => ({ spaceId, item, result: byId.get(resultId(detail.round.id, spaceId, item.id)) })));
}

export function RoundDrawer() {
  const t = useT();
  const id = useInspections((s) => s.openRoundId);
  const { openRound } = useInspections.getState();
  return (
    <Drawer open={id !== null} size={920} title={t('kind.inspectionRound')} onClose={() => openRound(null)} destroyOnHidden keyboard>
      {id && <RoundScreen id={id} />}
    </Drawer>
  );
}

/** What one row may ask of the screen; the same object for every render, so rows re-render only when their own data changes. */
interface RowActions {
  key(e: KeyboardEvent<HTMLDivElement>, i: number): void;
  focus(i: number): void;
  record(i: number, outcome: Outcome, note?: string): Promise<boolean>;
  fail(i: number): void;
  noteDone(i: number, note: string | null): void;
  ticket(i: number): void;
  photos(i: number, photos: Attachment[]): void;
  ref(i: number, el: HTMLDivElement | null): void;
}

const lineKey = (l: Pick<RoundLine, 'spaceId' | 'item'>) => `${l.spaceId}/${l.item.id}`;

export function RoundScreen({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const read = useApiRead('inspections.round', { id }, { reloadOn: ['inspectionRound', 'inspectionResult', 'ticket'], keepPrevious: true });
  // Outcomes typed but not read back yet: the row shows them at once and the cursor moves on.
  const [pending, setPending] = useState<Readonly<Record<string, Outcome>>>({});
  const [cursor, setCursor] = useState<number | null>(null);
  const [editingNote, setEditingNote] = useState<number | null>(null);
  const [ticketFor, setTicketFor] = useState<TicketTarget | null>(null);
  const [dialog, setDialog] = useState<'complete' | 'skip' | null>(null);
  const [busy, setBusy] = useState(false);
  const rows = useRef<(HTMLDivElement | null)[]>([]);
  const placeLabel = usePlaceLabel();
  const { byId: people } = usePeople();
  const mayRecord = useMayRun('inspectionItem.record');
  const mayTicket = useMayRun('inspectionItem.openTicket');
  const mayReopen = useMayRun('inspectionRound.reopen');
  const mayAssign = useMayRun('inspectionRound.assign');
  const today = todayInTaipei();

  const answered = read.data;
  useEffect(() => {
    if (answered === undefined) return;
    // What the database now says replaces what was shown ahead of it.
    const stored = new Map(answered?.results.map((r) => [`${r.spaceId}/${r.itemId}`, r.outcome]) ?? []);
    setPending((p) => Object.fromEntries(Object.entries(p).filter(([k, v]) => stored.get(k) !== v)));
  }, [answered]);

  const detail = answered ?? null;
  const lines = useMemo(() => (detail ? roundLines(detail) : []), [detail]);
  const open = detail?.round.status === 'open';
  const editable = open && mayRecord;
  const assignees = useAssigneeOptions(detail?.round.assigneeId);
  const ticketNumber = useMemo(() => new Map(detail?.tickets.map((tk) => [tk.id, tk.number]) ?? []), [detail]);

  // Until the user moves, the cursor stands on the first item not recorded yet.
  const firstOpen = useMemo(
    () =>
      Math.max(
        0,
        lines.findIndex((l) => !l.result),
      ),
    [lines],
  );
  const at = cursor ?? firstOpen;

  useEffect(() => {
    if (lines.length > 0 && editingNote === null && !ticketFor && !dialog) rows.current[at]?.focus();
  }, [at, lines.length, editingNote, ticketFor, dialog]);

  const run = useCallback(
    async <N extends MutationName>(name: N, args: MutationArgs<N>): Promise<boolean> => {
      setBusy(true);
      const r = await mutate(name, args);
      setBusy(false);
      if (!r.ok) void message.error(r.message);
      return r.ok;
    },
    [message],
  );

  // The handlers read the newest state through this ref; the rows get one stable object.
  const latest = useRef({ lines, editable, open, mayTicket, run, id, pending });
  useEffect(() => {
    latest.current = { lines, editable, open, mayTicket, run, id, pending };
  });

  const actions = useMemo<RowActions>(() => {
    const moveTo = (i: number) => setCursor(Math.max(0, Math.min(latest.current.lines.length - 1, i)));
    const record = async (i: number, outcome: Outcome, note?: string) => {
      const { lines, editable, run, id } = latest.current;
      const line = lines[i];
      if (!line || !editable) return false;
      const key = lineKey(line);
      setPending((p) => ({ ...p, [key]: outcome }));
      const ok = await run('inspectionItem.record', { roundId: id, spaceId: line.spaceId, itemId: line.item.id, outcome, ...(note !== undefined ? { note } : {}) });
      if (!ok)
        setPending((p) => {
          const rest = { ...p };
          delete rest[key];
          return rest;
        });
      return ok;
    };
    const openTicket = (i: number) => {
      const { lines, open, mayTicket, pending } = latest.current;
      const line = lines[i];
      // A fail just typed counts too: the ticket's own write follows the item's.
      const outcome = line ? (pending[lineKey(line)] ?? line.result?.outcome) : undefined;
      if (line && outcome === 'fail' && !line.result?.ticketId && open && mayTicket) setTicketFor({ spaceId: line.spaceId, item: line.item, note: line.result?.note ?? '' });
    };
    const fail = (i: number) => {
      setEditingNote(i);
      void record(i, 'fail');
    };
    return {
      focus: (i) => setCursor(i),
      ref: (i, el) => {
        rows.current[i] = el;
      },
      record,
      fail,
      ticket: openTicket,
      noteDone: (i, note) => {
        const line = latest.current.lines[i];
        if (note !== null && line && note !== (line.result?.note ?? '')) void record(i, line.result?.outcome ?? 'fail', note);
        setEditingNote(null);
      },
      photos: (i, photos) => {
        const { lines, run, id } = latest.current;
        const line = lines[i];
        if (line?.result) void run('inspectionItem.record', { roundId: id, spaceId: line.spaceId, itemId: line.item.id, outcome: line.result.outcome, photos });
      },
      key: (e, i) => {
        if (e.target !== e.currentTarget || isComposing(e) || e.ctrlKey || e.altKey || e.metaKey) return;
        const { lines, editable } = latest.current;
        switch (e.code) {
          case 'ArrowDown':
          case 'KeyJ':
            e.preventDefault();
            moveTo(i + 1);
            return;
          case 'ArrowUp':
          case 'KeyK':
            e.preventDefault();
            moveTo(i - 1);
            return;
          case 'KeyP':
          case 'Enter':
          case 'NumpadEnter':
            e.preventDefault();
            if (!editable) return;
            // On at once; the write follows (a refusal says so and puts the row back).
            void record(i, 'pass');
            moveTo(i + 1);
            return;
          case 'KeyF':
            e.preventDefault();
            if (editable) fail(i);
            return;
          case 'KeyN':
            e.preventDefault();
            if (lines[i]?.result && editable) setEditingNote(i);
            return;
          case 'KeyT':
            e.preventDefault();
            openTicket(i);
            return;
        }
      },
    };
  }, []);

  if (answered === undefined && !read.error) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (!detail) return read.error ? <Alert type="error" showIcon title={read.error} /> : <Empty description={t('inspections.round.gone')} />;

  const { round, plan } = detail;
  const state = roundState(round, round.graceDays, today);
  const remaining = round.total - round.recorded;

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <div>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {round.planName}
          </Typography.Title>
          <Space size={12} wrap style={{ marginTop: 4 }}>
            <RoundStateTag state={state} />
            <Typography.Text>
              {t('inspections.col.due')} <RocDate date={round.dueOn} />
              {round.scheduledOn !== round.dueOn && <Typography.Text type="secondary">{` （${t('inspections.plan.moved', { date: formatDate(round.scheduledOn, locale) })}）`}</Typography.Text>}
            </Typography.Text>
            {open && mayAssign ? (
              // This round only: the plan's assignee stays for the rounds still to come.
              <Space size={4}>
                <Typography.Text>{t('inspections.plan.assignee')}：</Typography.Text>
                <OptionalSelect
                  size="small"
                  showSearch={{ optionFilterProp: 'label' }}
                  options={assignees}
                  value={round.assigneeId}
                  onChange={(assigneeId) => void run('inspectionRound.assign', { id, assigneeId })}
                  placeholder={t('common.none')}
                  aria-label={t('inspections.plan.assignee')}
                  popupMatchSelectWidth={false}
                  style={{ minWidth: 140 }}
                />
              </Space>
            ) : (
              <Typography.Text>
                {t('inspections.plan.assignee')}：{round.assigneeId ? (people.get(round.assigneeId)?.name ?? '') : t('common.none')}
              </Typography.Text>
            )}
            <Typography.Text>
              {t('field.category')}：{t(`ticketCategory.${plan.category}`)}
            </Typography.Text>
            {round.completedAt && (
              <Typography.Text>
                {t('field.completedAt')} <RocDate instant={round.completedAt} />
              </Typography.Text>
            )}
          </Space>
          {round.note && (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {round.note}
            </Typography.Paragraph>
          )}
        </div>
        <Space wrap>
          {editable && remaining > 0 && (
            <Button onClick={() => void run('inspectionRound.passRemaining', { id })} loading={busy}>
              {t('inspections.round.passRemaining', { count: remaining })}
            </Button>
          )}
          {editable && (
            <Button type="primary" disabled={remaining > 0} onClick={() => setDialog('complete')} title={remaining > 0 ? t('inspection.error.unrecorded', { count: remaining }) : undefined}>
              {t('inspections.round.complete')}
            </Button>
          )}
          {open && mayReopen && <Button onClick={() => setDialog('skip')}>{t('inspections.round.skip')}</Button>}
          {!open && mayReopen && <Button onClick={() => void run('inspectionRound.reopen', { id })}>{t('inspections.round.reopen')}</Button>}
        </Space>
      </Flex>

      <Flex align="center" gap={12}>
        <Progress
          percent={round.total ? Math.round((round.recorded / round.total) * 100) : 0}
          status={round.failed ? 'exception' : round.recorded === round.total ? 'success' : 'active'}
          style={{ flex: 1, margin: 0 }}
          format={() => `${round.recorded}/${round.total}`}
        />
        {round.failed > 0 && <Tag color="red">{t('inspections.failedCount', { count: round.failed })}</Tag>}
      </Flex>
      {editable && <Typography.Text type="secondary">{t('inspections.round.keys')}</Typography.Text>}

      <div role="list" aria-label={t('field.checklist')}>
        {round.spaceIds.map((spaceId) => {
          const here = lines.map((l, i) => [l, i] as const).filter(([l]) => l.spaceId === spaceId);
          const done = here.filter(([l]) => l.result).length;
          const place = placeLabel(spaceId);
          return (
            <section key={spaceId} style={{ marginBottom: 12 }}>
              <Flex justify="space-between" style={{ background: token.colorFillTertiary, padding: '4px 8px', borderRadius: token.borderRadiusSM }}>
                <Typography.Text strong>{place}</Typography.Text>
                <Typography.Text type="secondary">
                  {done}/{here.length}
                </Typography.Text>
              </Flex>
              {here.map(([line, i]) => (
                <ItemRow
                  key={lineKey(line)}
                  line={line}
                  index={i}
                  number={round.checklist.indexOf(line.item) + 1}
                  place={place}
                  shown={pending[lineKey(line)] ?? line.result?.outcome}
                  active={at === i}
                  editingNote={editingNote === i}
                  editable={editable}
                  canTicket={open && mayTicket}
                  ticket={line.result?.ticketId ? (ticketNumber.get(line.result.ticketId) ?? line.result.ticketId) : null}
                  actions={actions}
                />
              ))}
            </section>
          );
        })}
      </div>

      {ticketFor && (
        <OpenTicketDialog
          roundId={id}
          category={plan.category}
          assetIds={plan.assetIds}
          target={ticketFor}
          onClose={(opened) => {
            setTicketFor(null);
            if (opened) void message.success(t('inspections.ticket.opened'));
          }}
        />
      )}
      {dialog === 'complete' && <CompleteDialog roundId={id} onClose={() => setDialog(null)} />}
      {dialog === 'skip' && <SkipDialog roundId={id} onClose={() => setDialog(null)} />}
    </Flex>
  );
}

interface ItemRowProps {
  line: RoundLine;
  index: number;
  number: number;
  place: string;
  /** The outcome to show: typed just now, or as stored. */
  shown: Outcome | undefined;
  active: boolean;
  editingNote: boolean;
  editable: boolean;
  canTicket: boolean;
  ticket: string | null;
  actions: RowActions;
}

const ItemRow = memo(function ItemRow({ line, index: i, number, place, shown, active, editingNote, editable, canTicket, ticket, actions }: ItemRowProps) {
  const t = useT();
  const { token } = theme.useToken();
  const result = line.result;
  return (
    <div
      role="listitem"
      tabIndex={active ? 0 : -1}
      ref={(el) => actions.ref(i, el)}
      aria-label={`${place} ${line.item.text}`}
      data-outcome={shown ?? ''}
      onFocus={() => actions.focus(i)}
      onKeyDown={(e) => actions.key(e, i)}
      style={{
        display: 'grid',
        gridTemplateColumns: '28px 1fr auto',
        alignItems: 'center',
        gap: 8,
        padding: '6px 8px',
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        background: active ? token.colorPrimaryBg : undefined,
        outline: 'none',
      }}
    >
      <Typography.Text type="secondary">{number}.</Typography.Text>
      <div>
        <Typography.Text>{line.item.text}</Typography.Text>
        {editingNote ? (
          <NoteInput initial={result?.note ?? ''} placeholder={t(shown === 'fail' ? 'inspections.round.failNote' : 'inspections.round.note')} onDone={(note) => actions.noteDone(i, note)} />
        ) : (
          result?.note && (
            <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: token.fontSizeSM }}>
              {result.note}
            </Typography.Paragraph>
          )
        )}
      </div>
      <Space size={4}>
        {ticket && (
          <Tag color="volcano" icon={<ToolOutlined />}>
            {ticket}
          </Tag>
        )}
        {result?.outcome === 'fail' && !result.ticketId && canTicket && (
          <Button size="small" danger icon={<ToolOutlined />} tabIndex={-1} onClick={() => actions.ticket(i)}>
            {t('inspections.round.openTicket')}
          </Button>
        )}
        {result && <PhotoButton photos={result.photos} disabled={!editable} onAdd={(photos) => actions.photos(i, photos)} icon={<CameraOutlined />} />}
        <Button
          size="small"
          tabIndex={-1}
          type={shown === 'pass' ? 'primary' : 'default'}
          icon={<CheckOutlined />}
          disabled={!editable}
          onClick={() => void actions.record(i, 'pass')}
          aria-pressed={shown === 'pass'}
        >
          {t('inspections.outcome.pass')}
        </Button>
        <Button
          size="small"
          tabIndex={-1}
          danger
          type={shown === 'fail' ? 'primary' : 'default'}
          icon={<CloseOutlined />}
          disabled={!editable}
          onClick={() => actions.fail(i)}
          aria-pressed={shown === 'fail'}
        >
          {t('inspections.outcome.fail')}
        </Button>
      </Space>
    </div>
  );
});

/** The note of one item: Enter keeps it, Esc leaves it as it was. */
function NoteInput({ initial, placeholder, onDone }: { initial: string; placeholder: string; onDone(note: string | null): void }) {
  const [text, setText] = useState(initial);
  const done = useRef(false);
  const finish = (note: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(note);
  };
  return (
    <Input
      size="small"
      autoFocus
      value={text}
      maxLength={500}
      placeholder={placeholder}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (isComposing(e)) return;
        if (e.key === 'Enter') {
          e.preventDefault();
          finish(text.trim());
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          finish(null);
        }
      }}
      onBlur={() => finish(text.trim())}
      style={{ marginTop: 4 }}
    />
  );
}
