/**
 * The ticket list: a windowed table over the backend's pages. Only the rows in view (and a
 * few around them) are in the page; the scroll height comes from the total, and pages of
 * 100 are fetched as they scroll into view, so 100,000 tickets scroll like 100.
 *
 * Keyboard: the list takes the focus; ↑/↓, Page Up/Down, Home/End move the selection and
 * Enter opens the ticket. Column headers with an arrow sort.
 */
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Empty, Spin, Typography, theme } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { TicketFilter, TicketPage, TicketRow, TicketSort, TicketSortKey } from '../../../domain/maintenance/tickets-query';
import type { MessageKey } from '../../../domain/i18n';
import { api } from '../../app/api';
import { useChangeVersion } from '../../app/hooks';
import { useLocale, useT } from '../../app/i18n';
import { errorMessage } from '../../app/store';
import { usePeople } from '../../app/reference';
import { DueText, PriorityText, StatusTag, useInstant, usePlaceShort } from '../labels';

export const ROW_HEIGHT = 32;
const PAGE = 100;
/** Rows rendered beyond the visible ones, each side. */
const OVERSCAN = 10;

interface Column {
  key: string;
  title: MessageKey;
  width: string;
  sort?: TicketSortKey;
  render(row: TicketRow): ReactNode;
  /** The whole text, shown on hover when the cell is cut. */
  tip?(row: TicketRow): string;
}

interface Props {
  filter: TicketFilter;
  sort: TicketSort;
  onSort(sort: TicketSort): void;
  onOpen(id: string): void;
  /** Told the total after each answer (for the count shown above the list). */
  onTotal?(page: Pick<TicketPage, 'total' | 'capped'> | null): void;
  /** A ticket to select once it is in the list (the one just filed). */
  highlightId?: string | null;
}

interface Loaded {
  key: string;
  total: number | null;
  capped: boolean;
  pages: Map<number, TicketRow[]>;
  error: string | null;
}

export function TicketList({ filter, sort, onSort, onOpen, onTotal, highlightId }: Props) {
  const t = useT();
  const { token } = theme.useToken();
  const { byId: people } = usePeople();
  const instant = useInstant();
  const version = useChangeVersion('ticket', 'ticketStatusChange', 'ticketComment');
  const query = useMemo(() => JSON.stringify({ filter, sort }), [filter, sort]);
  const key = `${query}|${version}`;
  const [loaded, setLoaded] = useState<Loaded>({ key: '', total: null, capped: false, pages: new Map(), error: null });
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const [selected, setSelected] = useState(0);
  const body = useRef<HTMLDivElement>(null);
  const inflight = useRef(new Set<string>());
  const now = useMemo(() => new Date().toISOString(), [key]); // eslint-disable-line react-hooks/exhaustive-deps

  // A new filter or sort starts at the top; a change of the data keeps the place.
  useEffect(() => {
    body.current?.scrollTo({ top: 0 });
    setScrollTop(0);
    setSelected(0);
  }, [query]);

  useLayoutEffect(() => {
    const el = body.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.floor((scrollTop + height) / ROW_HEIGHT) + OVERSCAN;
  const current = loaded.key === key;

  const fetchPage = useCallback(
    (page: number) => {
      const id = `${key}#${page}`;
      if (inflight.current.has(id)) return;
      inflight.current.add(id);
      api
        .call('tickets.page', { filter, sort, offset: page * PAGE, limit: PAGE })
        .then(
          (answer) =>
            setLoaded((l) => {
              const pages = l.key === key ? new Map(l.pages) : new Map<number, TicketRow[]>();
              pages.set(page, answer.rows);
              return { key, total: answer.total, capped: answer.capped, pages, error: null };
            }),
          (err: unknown) => setLoaded((l) => ({ ...l, key, error: errorMessage(err) })),
        )
        .finally(() => inflight.current.delete(id));
    },
    [key, filter, sort],
  );

  // The pages the window needs (the first one always, for the total).
  useEffect(() => {
    const wanted = new Set([0]);
    const total = current ? (loaded.total ?? 0) : Infinity;
    for (let p = Math.floor(first / PAGE); p <= Math.floor(Math.min(last, total - 1) / PAGE); p++) wanted.add(p);
    for (const p of wanted) if (!current || !loaded.pages.has(p)) fetchPage(p);
  }, [current, first, last, loaded.pages, loaded.total, fetchPage]);

  useEffect(() => {
    if (current) onTotal?.({ total: loaded.total ?? 0, capped: loaded.capped });
  }, [current, loaded.total, loaded.capped, onTotal]);

  const total = loaded.total ?? 0;
  const shownCount = loaded.capped ? Math.min(total, 200) : total;
  const rowAt = (i: number): TicketRow | undefined => loaded.pages.get(Math.floor(i / PAGE))?.[i % PAGE];

  // Select the ticket just filed once it shows up in the first page.
  useEffect(() => {
    if (!highlightId) return;
    const i = loaded.pages.get(0)?.findIndex((r) => r.id === highlightId) ?? -1;
    if (i >= 0) setSelected(i);
  }, [highlightId, loaded.pages]);

  const placeShort = usePlaceShort();
  // English labels are longer than the Chinese ones.
  const en = useLocale((s) => s.locale) === 'en';

  const columns: Column[] = [
    {
      key: 'number',
      title: 'maint.col.number',
      width: '118px',
      sort: 'number',
      render: (r) => (
        <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onOpen(r.id)}>
          {r.number}
        </Button>
      ),
    },
    { key: 'status', title: 'maint.col.status', width: en ? '124px' : '76px', render: (r) => <StatusTag status={r.status} /> },
    { key: 'priority', title: 'maint.col.priority', width: en ? '72px' : '52px', render: (r) => <PriorityText priority={r.priority} /> },
    { key: 'category', title: 'maint.col.category', width: en ? '108px' : '56px', render: (r) => t(`ticketCategory.${r.category}`) },
    { key: 'location', title: 'maint.col.location', width: 'minmax(170px, 1.3fr)', render: (r) => placeShort(r.spaceId).short, tip: (r) => placeShort(r.spaceId).full },
    { key: 'subject', title: 'maint.col.subject', width: 'minmax(150px, 1.2fr)', render: (r) => r.subject, tip: (r) => r.subject },
    { key: 'reportedAt', title: 'maint.col.reportedAt', width: en ? '136px' : '128px', sort: 'reportedAt', render: (r) => instant(r.reportedAt) },
    { key: 'dueAt', title: 'maint.col.dueAt', width: en ? '196px' : '172px', sort: 'dueAt', render: (r) => <DueText dueAt={r.dueAt} status={r.status} now={now} /> },
    { key: 'assignee', title: 'maint.col.assignee', width: en ? '96px' : '80px', render: (r) => (r.assigneeId ? (people.get(r.assigneeId)?.name ?? '') : '') },
  ];
  const grid = columns.map((c) => c.width).join(' ');
  const searching = !!filter.text?.trim();

  const move = (to: number) => {
    const i = Math.max(0, Math.min(shownCount - 1, to));
    setSelected(i);
    const el = body.current;
    if (!el) return;
    if (i * ROW_HEIGHT < el.scrollTop) el.scrollTop = i * ROW_HEIGHT;
    else if ((i + 1) * ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = (i + 1) * ROW_HEIGHT - el.clientHeight;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const pageRows = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(selected + 1),
      ArrowUp: () => move(selected - 1),
      PageDown: () => move(selected + pageRows),
      PageUp: () => move(selected - pageRows),
      Home: () => move(0),
      End: () => move(shownCount - 1),
      Enter: () => {
        const row = rowAt(selected);
        if (row) onOpen(row.id);
      },
    };
    const action = keys[e.key];
    if (!action || e.target !== e.currentTarget) return;
    e.preventDefault();
    action();
  };

  const header = (
    <div
      role="row"
      style={{
        display: 'grid',
        gridTemplateColumns: grid,
        height: ROW_HEIGHT,
        alignItems: 'center',
        background: token.colorFillAlter,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        fontWeight: 600,
      }}
    >
      {columns.map((c) => {
        const active = !searching && c.sort && sort.key === c.sort;
        const next: TicketSort | null = c.sort ? { key: c.sort, dir: active && sort.dir === 'desc' ? 'asc' : 'desc' } : null;
        return (
          <div key={c.key} role="columnheader" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined} style={{ padding: '0 8px', whiteSpace: 'nowrap' }}>
            {next && !searching ? (
              <Typography.Link onClick={() => onSort(next)} style={{ color: 'inherit' }}>
                {t(c.title)} {active && (sort.dir === 'asc' ? <ArrowUpOutlined /> : <ArrowDownOutlined />)}
              </Typography.Link>
            ) : (
              t(c.title)
            )}
          </div>
        );
      })}
    </div>
  );

  const rows: ReactNode[] = [];
  for (let i = first; i <= Math.min(last, shownCount - 1); i++) {
    const row = rowAt(i);
    const isSelected = i === selected;
    rows.push(
      <div
        key={row?.id ?? `pending-${i}`}
        role="row"
        aria-rowindex={i + 2}
        aria-selected={isSelected}
        onClick={() => setSelected(i)}
        onDoubleClick={() => row && onOpen(row.id)}
        style={{
          position: 'absolute',
          top: i * ROW_HEIGHT,
          left: 0,
          right: 0,
          height: ROW_HEIGHT,
          display: 'grid',
          gridTemplateColumns: grid,
          alignItems: 'center',
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          background: isSelected ? token.controlItemBgActive : undefined,
          cursor: 'default',
        }}
      >
        {row
          ? columns.map((c) => (
              <div key={c.key} role="cell" title={c.tip?.(row)} style={{ padding: '0 8px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                {c.render(row)}
              </div>
            ))
          : null}
      </div>,
    );
  }

  return (
    <div
      role="table"
      aria-label={t('maint.list.label')}
      aria-rowcount={shownCount + 1}
      style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0, border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadius }}
    >
      {header}
      <div
        ref={body}
        tabIndex={0}
        aria-label={t('maint.list.keys')}
        onKeyDown={onKeyDown}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        style={{ position: 'relative', flex: 1, minHeight: 120, overflowY: 'auto', outlineOffset: -2 }}
      >
        <div style={{ height: shownCount * ROW_HEIGHT, position: 'relative' }}>{rows}</div>
        {loaded.error && (
          <Typography.Text type="danger" style={{ position: 'absolute', top: 8, left: 8 }}>
            {loaded.error}
          </Typography.Text>
        )}
        {current && total === 0 && !loaded.error && (
          <Empty
            style={{ position: 'absolute', inset: 0, margin: 'auto', height: 'fit-content' }}
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t(searching ? 'maint.list.noMatch' : 'maint.list.empty')}
          />
        )}
        {!current && loaded.total === null && <Spin style={{ position: 'absolute', top: 16, left: '50%' }} />}
      </div>
    </div>
  );
}
