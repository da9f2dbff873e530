/**
 * A project in a dialog: its fields (the shared record editor), then its phases, each
 * edited in place, and the repair tickets that belong to it (linked by ticket number).
 */
import { App, Button, Divider, Flex, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { PROJECT_STATUSES, phaseState, type Project, type ProjectPhase } from '../../../domain/maintenance/projects';
import type { TicketLine } from '../../../domain/maintenance/inspections-views';
import { api } from '../../app/api';
import { useApiRead } from '../../app/hooks';
import { useT } from '../../app/i18n';
import { isSubmitEnter } from '../../components/ime';
import { RocDate } from '../../components/RocDate';
import { RocDatePicker } from '../../components/RocDatePicker';
import { mutate } from '../../app/mutate';
import { useMayRun } from '../../app/permissions';
import { RecordEditor, type EditorField } from '../../components/RecordEditor';
import { usePeople } from '../../app/reference';
import { OptionalSelect } from '../../components/OptionalSelect';

const dateField = (name: string, span = 6): EditorField => ({ name, type: 'select', span, input: <RocDatePicker style={{ width: '100%' }} /> });

function useContractorOptions(keepId?: string | null) {
  const { people } = usePeople();
  return useMemo(
    () =>
      people
        .filter((p) => (p.kind === 'contractor' && !p.archived) || p.id === keepId)
        .sort((a, b) => a.company.localeCompare(b.company, 'zh-TW') || a.name.localeCompare(b.name, 'zh-TW'))
        .map((p) => ({ value: p.id, label: p.company ? `${p.company}（${p.name}）` : p.name })),
    [people, keepId],
  );
}

export function ProjectEditor({ project, phases, onClose }: { project?: Project; phases: ProjectPhase[]; onClose(): void }) {
  const t = useT();
  const contractors = useContractorOptions(project?.contractorId);
  const fields: EditorField[] = [
    { name: 'name', type: 'text', required: true, max: 100, span: 16, label: t('projects.name') },
    { name: 'status', type: 'select', required: true, span: 8, input: <Select options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projectStatus.${s}`) }))} /> },
    { name: 'scope', type: 'text', max: 1000, span: 24, input: <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} /> },
    { name: 'contractorId', type: 'select', span: 16, input: <OptionalSelect showSearch={{ optionFilterProp: 'label' }} options={contractors} /> },
    {
      name: 'budget',
      type: 'number',
      span: 8,
      input: (
        <InputNumber<number>
          min={0}
          style={{ width: '100%' }}
          formatter={(v) => (v === undefined || v === null || `${v}` === '' ? '' : Number(v).toLocaleString('en-US'))}
          parser={(v) => Number((v ?? '').replace(/[^\d]/g, ''))}
        />
      ),
    },
    dateField('plannedStart'),
    dateField('plannedEnd'),
    dateField('actualStart'),
    dateField('actualEnd'),
    { name: 'note', type: 'text', max: 1000, span: 24, input: <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} /> },
  ];
  return (
    <Modal open title={project ? project.name : t('projects.new')} onCancel={onClose} footer={null} width={860} destroyOnHidden keyboard={false} mask={{ closable: false }}>
      <RecordEditor
        kind="project"
        record={project}
        fields={fields}
        defaults={{ status: 'planned' }}
        name={project?.name ?? ''}
        onSaved={(_, created) => created && onClose()}
        onCancel={onClose}
        onGone={onClose}
        canDelete
      />
      {project && (
        <>
          <Divider titlePlacement="start" plain style={{ margin: '16px 0 8px' }}>
            {t('projects.phases')}
          </Divider>
          <Phases project={project} phases={phases.filter((p) => p.projectId === project.id)} />
          <Divider titlePlacement="start" plain style={{ margin: '16px 0 8px' }}>
            {t('projects.tickets')}
          </Divider>
          <ProjectTickets project={project} />
        </>
      )}
    </Modal>
  );
}

function Phases({ project, phases }: { project: Project; phases: ProjectPhase[] }) {
  const t = useT();
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const mayAdd = useMayRun('projectPhase.create');
  const sorted = [...phases].filter((p) => !p.archived || p.id === editing?.id).sort((a, b) => a.seq - b.seq);
  const phase = editing?.id ? phases.find((p) => p.id === editing.id) : undefined;
  const fields: EditorField[] = [
    { name: 'name', type: 'text', required: true, max: 100, span: 16, label: t('projects.phaseName') },
    { name: 'seq', type: 'number', span: 8 },
    { name: 'scope', type: 'text', max: 1000, span: 24 },
    dateField('plannedStart'),
    dateField('plannedEnd'),
    dateField('actualStart'),
    dateField('actualEnd'),
  ];
  const state = { not_started: 'default', in_progress: 'orange', done: 'green' } as const;
  return (
    <>
      <Table<ProjectPhase>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={sorted}
        locale={{ emptyText: t('projects.noPhases') }}
        columns={[
          { key: 'seq', title: t('field.seq'), width: 56, dataIndex: 'seq' },
          { key: 'name', title: t('projects.phaseName'), render: (_, p) => <Typography.Link onClick={() => setEditing({ id: p.id })}>{p.name}</Typography.Link> },
          { key: 'state', title: t('field.status'), width: 90, render: (_, p) => <Tag color={state[phaseState(p)]}>{t(`phaseState.${phaseState(p)}`)}</Tag> },
          { key: 'planned', title: t('projects.planned'), width: 190, render: (_, p) => <Span from={p.plannedStart} to={p.plannedEnd} /> },
          { key: 'actual', title: t('projects.actual'), width: 190, render: (_, p) => <Span from={p.actualStart} to={p.actualEnd} /> },
        ]}
      />
      {mayAdd && (
        <Button size="small" type="dashed" onClick={() => setEditing({ id: null })} style={{ marginTop: 8 }}>
          {t('projects.addPhase')}
        </Button>
      )}
      {editing && (
        <Modal open title={phase ? phase.name : t('projects.addPhase')} onCancel={() => setEditing(null)} footer={null} width={720} destroyOnHidden keyboard={false} mask={{ closable: false }}>
          <RecordEditor
            kind="projectPhase"
            record={phase}
            fields={fields}
            defaults={{ projectId: project.id, seq: (sorted.at(-1)?.seq ?? 0) + 1 }}
            name={phase?.name ?? ''}
            onSaved={() => setEditing(null)}
            onCancel={() => setEditing(null)}
            onGone={() => setEditing(null)}
            canDelete
          />
        </Modal>
      )}
    </>
  );
}

/** 111/01/31 – 111/03/15, or what is known of it. */
export function Span({ from, to }: { from: string | null; to: string | null }) {
  if (!from && !to) return null;
  return (
    <span>
      {from ? <RocDate date={from} /> : '…'} – {to ? <RocDate date={to} /> : '…'}
    </span>
  );
}

function ProjectTickets({ project }: { project: Project }) {
  const t = useT();
  const { message } = App.useApp();
  const read = useApiRead('projects.tickets', { id: project.id }, { reloadOn: ['ticket'], keepPrevious: true });
  const tickets = read.data ?? null;
  const [number, setNumber] = useState('');
  const mayLink = useMayRun('ticket.update');

  // A failed read says so in a passing message; the list keeps what it had.
  useEffect(() => {
    if (read.error) void message.error(read.error);
  }, [read.error, message]);

  const link = async () => {
    const found = await api.call('tickets.byNumber', { text: number });
    if (!found.id) {
      void message.error(t('projects.ticketNotFound', { number: number.trim() }));
      return;
    }
    const r = await mutate('ticket.update', { id: found.id, projectId: project.id });
    if (r.ok) {
      setNumber('');
      void message.success(t('projects.ticketLinked', { number: found.number ?? number }));
    } else void message.error(r.message);
  };

  const unlink = async (ticket: TicketLine) => {
    const r = await mutate('ticket.update', { id: ticket.id, projectId: null });
    if (!r.ok) void message.error(r.message);
  };

  return (
    <Flex vertical gap={8}>
      <Table<TicketLine>
        size="small"
        rowKey="id"
        pagination={false}
        loading={tickets === null}
        dataSource={tickets ?? []}
        locale={{ emptyText: t('projects.noTickets') }}
        columns={[
          { key: 'number', title: t('projects.ticketNumber'), width: 130, dataIndex: 'number' },
          { key: 'subject', title: t('field.subject'), dataIndex: 'subject', ellipsis: true },
          { key: 'status', title: t('field.status'), width: 80, render: (_, r) => t(`ticketStatus.${r.status}`) },
          { key: 'reported', title: t('field.reportedAt'), width: 140, render: (_, r) => <RocDate instant={r.reportedAt} /> },
          ...(mayLink
            ? [
                {
                  key: 'unlink',
                  title: '',
                  width: 80,
                  render: (_: unknown, r: TicketLine) => (
                    <Button size="small" type="link" onClick={() => void unlink(r)}>
                      {t('projects.unlink')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {mayLink && (
        <Flex gap={8}>
          <Input
            size="small"
            placeholder={t('projects.linkPlaceholder')}
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            onKeyDown={(e) => {
              if (isSubmitEnter(e) && number.trim()) void link();
            }}
            style={{ width: 220 }}
          />
          <Button size="small" onClick={() => void link()} disabled={!number.trim()}>
            {t('projects.link')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
