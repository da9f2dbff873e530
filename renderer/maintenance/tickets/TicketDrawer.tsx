/**
 * One ticket: what, where, who reported it, its due time, and what can happen next. The
 * buttons offer exactly the moves the life cycle allows for this user (a technician only
 * works the tickets assigned to them); each asks for an optional note, and 派工 for the
 * technician or contractor. Below: the status history, comments, labour/parts/costs and
 * attachments. 列印派工單 opens the A4 work order.
 */
import { HistoryOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Empty, Flex, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Spin, Table, Tabs, Timeline, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { formatInstant } from '../../../domain/dates';
import { newId } from '../../../domain/ids';
import { COST_TYPES, TICKET_DESK_ROLES, TRANSITIONS, costTotal, labourHours, mayMoveTo, type CostType, type TicketCost, type TicketStatus } from '../../../domain/maintenance/tickets';
import type { Attachment } from '../../../domain/attachments';
import type { TicketDetail } from '../../../domain/maintenance/tickets-query';
import type { MessageKey } from '../../../domain/i18n';
import { useApiRead } from '../../app/hooks';
import { useLocale, useT } from '../../app/i18n';
import { useShell } from '../../app/store';
import { AttachButton, AttachmentLinks } from '../../components/Attachments';
import { KeyboardForm } from '../../components/KeyboardForm';
import { isComposing } from '../../components/ime';
import { HistoryDrawer } from '../../components/HistoryDrawer';
import { active, useAgencies, usePeople, usePlaceLabel, useUsers } from '../../app/reference';
import { assetLabel, useAssets } from '../assets/hooks';
import { DueText, PriorityText, StatusTag } from '../labels';
import { moveTicket, useMaintenance } from '../store';
import { mutate } from '../../app/mutate';
import { TicketForm } from './TicketForm';
import { OptionalSelect } from '../../components/OptionalSelect';
import { useFocusReturn } from '../../components/focus-return';

/** The button that moves a ticket to `to`, named for what it means from where it is. */
export function actionLabel(from: TicketStatus, to: TicketStatus): MessageKey {
  if (to === 'in_progress') return from === 'assigned' ? 'maint.action.start' : from === 'completed' ? 'maint.action.reopen' : 'maint.action.resume';
  if (to === 'reported') return 'maint.action.retake';
  return `maint.action.${to}` as MessageKey;
}

const DANGER: readonly TicketStatus[] = ['cancelled', 'returned'];

/** The signed-in user's roles and person (a technician sees their own tickets as theirs). */
export function useMe() {
  const user = useShell((s) => s.session?.user ?? null);
  const users = useUsers();
  const personId = users.find((u) => u.id === user?.id)?.personId ?? null;
  return { user, roles: user?.roles ?? [], personId };
}

function useDetail(id: string | null) {
  const { data, error, loading } = useApiRead('tickets.get', id ? { id } : null, { reloadOn: ['ticket', 'ticketStatusChange', 'ticketComment', 'ticketCost'] });
  // A failed read shows its message alone, not the ticket as it was.
  return { detail: error ? null : (data ?? null), error, loading };
}

export function TicketDrawer() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { message } = App.useApp();
  const id = useMaintenance((s) => s.openId);
  const { open, setPrintId } = useMaintenance.getState();
  const { detail, error, loading } = useDetail(id);
  const placeLabel = usePlaceLabel();
  const { byId: people } = usePeople();
  const { byId: agencies } = useAgencies();
  const users = useUsers();
  const me = useMe();
  const [moving, setMoving] = useState<TicketStatus | null>(null);
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState(false);
  const now = useMemo(() => new Date().toISOString(), [detail]); // eslint-disable-line react-hooks/exhaustive-deps
  // Records written by no user (the demo data, an import) read as written by the system.
  const userName = (userId: string) => users.find((u) => u.id === userId)?.displayName ?? t('maint.systemUser');
  const desk = me.roles.some((r) => TICKET_DESK_ROLES.includes(r));
  const focusReturn = useFocusReturn(!!id, 'maint-ticket-drawer');

  // Esc closes the drawer also when the focus was lost (the button that had it is gone).
  useEffect(() => {
    if (!id) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !isComposing(e) && (document.activeElement === document.body || !document.activeElement)) open(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [id, open]);

  const ticket = detail?.ticket;
  const mine = !!ticket?.assigneeId && ticket.assigneeId === me.personId;
  const moves = ticket ? TRANSITIONS[ticket.status].filter((to) => mayMoveTo(me.roles, to, mine)) : [];

  return (
    <Drawer
      open={!!id}
      rootClassName="maint-ticket-drawer"
      {...focusReturn}
      onClose={() => open(null)}
      size={760}
      title={
        ticket ? (
          <Flex gap={8} align="center">
            <span>{ticket.number}</span>
            <StatusTag status={ticket.status} />
            <Typography.Text ellipsis style={{ maxWidth: 360, fontWeight: 'normal' }}>
              {ticket.subject}
            </Typography.Text>
          </Flex>
        ) : (
          t('kind.ticket')
        )
      }
      extra={
        ticket && (
          <Space>
            <Button icon={<HistoryOutlined />} onClick={() => setHistory(true)}>
              {t('history.title')}
            </Button>
            {desk && !['closed', 'cancelled'].includes(ticket.status) && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
            <Button icon={<PrinterOutlined />} onClick={() => setPrintId(ticket.id)}>
              {t('maint.print.button')}
            </Button>
          </Space>
        )
      }
    >
      {error && <Alert type="error" title={error} />}
      {!detail && loading && <Spin />}
      {detail && ticket && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('maint.col.location')} span={2}>
              {placeLabel(ticket.spaceId)}
            </Descriptions.Item>
            {ticket.assetId && (
              <Descriptions.Item label={t('field.assetId')} span={2}>
                <AssetText id={ticket.assetId} />
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('maint.col.category')}>{t(`ticketCategory.${ticket.category}`)}</Descriptions.Item>
            <Descriptions.Item label={t('maint.col.priority')}>
              <PriorityText priority={ticket.priority} />
            </Descriptions.Item>
            <Descriptions.Item label={t('maint.col.reporter')}>
              {[ticket.reporterName, ticket.reporterAgencyId && agencies.get(ticket.reporterAgencyId)?.nameZh, ticket.reporterPhoneExt && t('maint.ext', { ext: ticket.reporterPhoneExt })]
                .filter(Boolean)
                .join('　')}
            </Descriptions.Item>
            <Descriptions.Item label={t('maint.col.source')}>{t(`ticketSource.${ticket.source}`)}</Descriptions.Item>
            <Descriptions.Item label={t('maint.col.reportedAt')}>{formatInstant(ticket.reportedAt, locale)}</Descriptions.Item>
            <Descriptions.Item label={t('maint.col.dueAt')}>
              <DueText dueAt={ticket.dueAt} status={ticket.status} now={now} />
            </Descriptions.Item>
            <Descriptions.Item label={t('maint.col.assignee')}>{ticket.assigneeId ? personLabel(people.get(ticket.assigneeId)) : t('common.none')}</Descriptions.Item>
            <Descriptions.Item label={t('maint.col.completedAt')}>{ticket.completedAt ? formatInstant(ticket.completedAt, locale) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('maint.col.description')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{ticket.description || '—'}</Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>

          {(moves.length > 0 || (desk && ['assigned', 'in_progress', 'waiting_parts'].includes(ticket.status))) && (
            <Flex gap={8} wrap role="group" aria-label={t('maint.actions')}>
              {moves.map((to) => (
                <Button key={to} type={DANGER.includes(to) ? 'default' : 'primary'} danger={DANGER.includes(to)} onClick={() => setMoving(to)}>
                  {t(actionLabel(ticket.status, to))}
                </Button>
              ))}
              {desk && ['assigned', 'in_progress', 'waiting_parts'].includes(ticket.status) && <Button onClick={() => setMoving('assigned')}>{t('maint.action.reassign')}</Button>}
            </Flex>
          )}

          <Tabs
            size="small"
            items={[
              {
                key: 'history',
                label: t('maint.tabs.history'),
                children: (
                  <Timeline
                    items={detail.changes.map((c) => ({
                      color: c.toStatus === 'completed' || c.toStatus === 'closed' ? 'green' : DANGER.includes(c.toStatus) ? 'red' : 'blue',
                      content: (
                        <Flex vertical>
                          <Space size={6}>
                            <StatusTag status={c.toStatus} />
                            <Typography.Text type="secondary">{t('history.by', { user: userName(c.userId), time: formatInstant(c.at, locale) })}</Typography.Text>
                          </Space>
                          {c.note && <Typography.Text>{c.note}</Typography.Text>}
                        </Flex>
                      ),
                    }))}
                  />
                ),
              },
              { key: 'comments', label: t('maint.tabs.comments', { count: detail.comments.length }), children: <Comments detail={detail} userName={userName} /> },
              { key: 'costs', label: t('maint.tabs.costs'), children: <Costs detail={detail} /> },
              { key: 'files', label: t('maint.tabs.files', { count: ticket.attachments.length }), children: <Files detail={detail} canEdit={desk} /> },
            ]}
          />
        </Flex>
      )}
      {ticket && moving && (
        <MoveDialog
          key={moving}
          ticketId={ticket.id}
          from={ticket.status}
          to={moving}
          reassign={moving === 'assigned' && ticket.status !== 'reported'}
          currentAssignee={ticket.assigneeId}
          onClose={(done) => {
            setMoving(null);
            if (done) message.success(t('common.saved'));
          }}
        />
      )}
      {ticket && <TicketForm open={editing} ticket={ticket} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      {ticket && <HistoryDrawer kind="ticket" id={ticket.id} title={ticket.number} open={history} onClose={() => setHistory(false)} />}
    </Drawer>
  );
}

/** The equipment a ticket is about: its tag and name, and who maintains it. */
function AssetText({ id }: { id: string }) {
  const t = useT();
  const { byId } = useAssets();
  const { byId: people } = usePeople();
  const asset = byId.get(id);
  if (!asset) return <>{id}</>;
  const maintainer = asset.maintainerId ? people.get(asset.maintainerId) : undefined;
  return (
    <Space size={12} wrap>
      <span>
        {assetLabel(asset)}
        {asset.archived ? t('inspections.archivedMark') : ''}
      </span>
      {maintainer && <Typography.Text type="secondary">{t('maint.form.assetMaintainer', { name: personLabel(maintainer) })}</Typography.Text>}
    </Space>
  );
}

function personLabel(p: { name: string; company: string; title: string } | undefined): string {
  if (!p) return '';
  return [p.name, p.company || p.title].filter(Boolean).join('　');
}

/** The people a ticket can be assigned to: technicians and contractors' people. */
export function useAssignees() {
  const { people } = usePeople();
  return useMemo(
    () =>
      active(people)
        .filter((p) => p.kind === 'technician' || p.kind === 'contractor')
        .map((p) => ({ value: p.id, label: personLabel(p) })),
    [people],
  );
}

function MoveDialog({
  ticketId,
  from,
  to,
  reassign,
  currentAssignee,
  onClose,
}: {
  ticketId: string;
  from: TicketStatus;
  to: TicketStatus;
  reassign: boolean;
  currentAssignee: string | null;
  onClose(done: boolean): void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ note: string; assigneeId?: string }>();
  const assignees = useAssignees();
  const [problem, setProblem] = useState<string | null>(null);
  const title = reassign ? t('maint.action.reassign') : t(actionLabel(from, to));
  const submit = async (v: { note?: string; assigneeId?: string }) => {
    const r = reassign
      ? await mutate('ticket.assign', { id: ticketId, assigneeId: v.assigneeId ?? '' })
      : await moveTicket(ticketId, to, { note: v.note ?? '', ...(v.assigneeId ? { assigneeId: v.assigneeId } : {}) });
    if (r.ok) onClose(true);
    else setProblem(r.message);
  };
  return (
    <Modal open title={title} onCancel={() => onClose(false)} footer={null} destroyOnHidden>
      <KeyboardForm form={form} layout="vertical" onSubmit={submit} onCancel={() => onClose(false)} initialValues={{ note: '', assigneeId: currentAssignee ?? undefined }}>
        {to === 'assigned' && (
          <Form.Item name="assigneeId" label={t('maint.col.assignee')} rules={[{ required: true, message: t('error.required', { field: t('maint.col.assignee') }) }]}>
            <Select showSearch={{ filterOption: (input, o) => String(o?.label ?? '').includes(input.trim()) }} options={assignees} aria-label={t('maint.col.assignee')} />
          </Form.Item>
        )}
        {!reassign && (
          <Form.Item name="note" label={t('maint.move.note')}>
            <Input maxLength={500} placeholder={t(to === 'waiting_parts' ? 'maint.move.partsHint' : to === 'returned' || to === 'cancelled' ? 'maint.move.reasonHint' : 'maint.move.noteHint')} />
          </Form.Item>
        )}
        {problem && <Alert type="error" title={problem} style={{ marginBottom: 12 }} />}
        <Flex justify="end" gap={8}>
          <Button onClick={() => onClose(false)}>{t('common.cancel')}</Button>
          <Button type="primary" danger={DANGER.includes(to)} htmlType="submit">
            {t('common.confirm')}
          </Button>
        </Flex>
      </KeyboardForm>
    </Modal>
  );
}

function Comments({ detail, userName }: { detail: TicketDetail; userName(id: string): string }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { message } = App.useApp();
  const me = useMe();
  const [text, setText] = useState('');
  const send = async () => {
    if (!text.trim()) return;
    const r = await mutate('ticketComment.add', { id: newId(), ticketId: detail.ticket.id, body: text.trim() });
    if (r.ok) setText('');
    else message.error(r.message);
  };
  return (
    <Flex vertical gap={8}>
      {detail.comments.length === 0 && <Typography.Text type="secondary">{t('maint.comments.none')}</Typography.Text>}
      {detail.comments.map((c) => (
        <Flex key={c.id} vertical style={{ borderBottom: '1px solid rgba(0,0,0,0.06)', paddingBottom: 6 }}>
          <Flex justify="space-between">
            <Typography.Text type="secondary">{t('history.by', { user: userName(c.userId), time: formatInstant(c.at, locale) })}</Typography.Text>
            {(c.userId === me.user?.id || me.roles.some((r) => TICKET_DESK_ROLES.includes(r))) && (
              <Popconfirm title={t('maint.comments.confirmDelete')} onConfirm={() => void mutate('ticketComment.remove', { id: c.id }).then((r) => !r.ok && message.error(r.message))}>
                <Typography.Link type="danger">{t('common.delete')}</Typography.Link>
              </Popconfirm>
            )}
          </Flex>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.body}</Typography.Text>
        </Flex>
      ))}
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={2000}
        placeholder={t('maint.comments.placeholder')}
        aria-label={t('maint.comments.placeholder')}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void send();
          }
        }}
      />
      <Flex justify="end">
        <Button type="primary" onClick={() => void send()} disabled={!text.trim()}>
          {t('maint.comments.send')}
        </Button>
      </Flex>
    </Flex>
  );
}

function Costs({ detail }: { detail: TicketDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const { byId: people } = usePeople();
  const assignees = useAssignees();
  const [form] = Form.useForm<{ type: CostType; description: string; quantity: number; unit: string; unitPrice: number; personId?: string }>();
  const type = Form.useWatch('type', form);
  const closed = ['closed', 'cancelled', 'returned'].includes(detail.ticket.status);
  const add = async (v: { type: CostType; description: string; quantity: number; unit: string; unitPrice: number; personId?: string }) => {
    const r = await mutate('ticketCost.add', { id: newId(), ticketId: detail.ticket.id, ...v, unit: v.unit ?? '', unitPrice: v.unitPrice ?? 0, personId: v.personId ?? null });
    if (r.ok) form.resetFields();
    else message.error(r.message);
  };
  return (
    <Flex vertical gap={8}>
      <Table<TicketCost>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={detail.costs}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('maint.costs.none')} /> }}
        columns={[
          { key: 'type', title: t('maint.costs.type'), width: 80, render: (_, c) => t(`costType.${c.type}`) },
          { key: 'description', title: t('maint.costs.item'), dataIndex: 'description' },
          { key: 'person', title: t('maint.costs.person'), width: 90, render: (_, c) => (c.personId ? (people.get(c.personId)?.name ?? '') : '') },
          { key: 'quantity', title: t('maint.costs.quantity'), width: 90, align: 'right', render: (_, c) => `${c.quantity} ${c.unit}` },
          { key: 'unitPrice', title: t('maint.costs.unitPrice'), width: 80, align: 'right', render: (_, c) => c.unitPrice.toLocaleString('zh-TW') },
          { key: 'amount', title: t('maint.costs.amount'), width: 90, align: 'right', render: (_, c) => costTotal([c]).toLocaleString('zh-TW') },
          {
            key: 'remove',
            width: 50,
            render: (_, c) =>
              !closed && (
                <Typography.Link type="danger" onClick={() => void mutate('ticketCost.remove', { id: c.id }).then((r) => !r.ok && message.error(r.message))}>
                  {t('common.delete')}
                </Typography.Link>
              ),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              {t('maint.costs.totals', { hours: labourHours(detail.costs) })}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} colSpan={3} align="right">
              {t('maint.costs.total', { amount: costTotal(detail.costs) })}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} />
          </Table.Summary.Row>
        )}
      />
      {!closed && (
        <KeyboardForm form={form} layout="inline" autoFocusFirst={false} onSubmit={add} initialValues={{ type: 'labour', quantity: 1, unit: '', unitPrice: 0 }}>
          <Form.Item name="type">
            <Select style={{ width: 96 }} options={COST_TYPES.map((c) => ({ value: c, label: t(`costType.${c}`) }))} aria-label={t('maint.costs.type')} />
          </Form.Item>
          <Form.Item name="description" rules={[{ required: true, whitespace: true, message: t('error.required', { field: t('maint.costs.item') }) }]}>
            <Input placeholder={t('maint.costs.item')} style={{ width: 150 }} maxLength={200} />
          </Form.Item>
          {type === 'labour' && (
            <Form.Item name="personId">
              <OptionalSelect placeholder={t('maint.costs.person')} style={{ width: 110 }} options={assignees} aria-label={t('maint.costs.person')} />
            </Form.Item>
          )}
          <Form.Item name="quantity" rules={[{ required: true }]}>
            <InputNumber min={0.1} step={0.5} style={{ width: 70 }} aria-label={t('maint.costs.quantity')} />
          </Form.Item>
          <Form.Item name="unit">
            <Input placeholder={t(type === 'labour' ? 'maint.costs.hourUnit' : 'maint.costs.unit')} style={{ width: 60 }} maxLength={10} />
          </Form.Item>
          <Form.Item name="unitPrice">
            <InputNumber min={0} style={{ width: 90 }} placeholder={t('maint.costs.unitPrice')} aria-label={t('maint.costs.unitPrice')} />
          </Form.Item>
          <Button htmlType="submit">{t('common.add')}</Button>
        </KeyboardForm>
      )}
    </Flex>
  );
}

function Files({ detail, canEdit }: { detail: TicketDetail; canEdit: boolean }) {
  const { message } = App.useApp();
  const { ticket } = detail;
  // Several files picked at once arrive one by one: each is added to the list as saved by then.
  let current = ticket.attachments;
  const attached = async (a: Attachment) => {
    current = [...current.filter((x) => x.sha256 !== a.sha256), a];
    const saved = await mutate('ticket.update', { id: ticket.id, attachments: current });
    if (!saved.ok) void message.error(saved.message);
  };
  return (
    <Flex vertical gap={8}>
      <AttachmentLinks attachments={ticket.attachments} />
      {canEdit && !['closed', 'cancelled'].includes(ticket.status) && (
        <div>
          <AttachButton onAttached={(a) => void attached(a)} />
        </div>
      )}
    </Flex>
  );
}
