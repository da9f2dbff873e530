/**
 * 工程: the projects with their contractor, budget, planned and actual dates and phases,
 * and a timeline of all of them. A project opens in its editor with phases and tickets.
 */
import { Button, Flex, Input, Select, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { PROJECT_STATUSES, phaseState, type Project, type ProjectPhase, type ProjectStatus } from '../../../domain/maintenance/projects';
import { useRecords } from '../../app/hooks';
import { useT } from '../../app/i18n';
import { useMayRun } from '../../app/permissions';
import { usePeople } from '../../app/reference';
import { ProjectEditor, Span } from './ProjectEditor';
import { Timeline } from './Timeline';

const STATUS_COLOR: Record<ProjectStatus, string | undefined> = { planned: 'blue', in_progress: 'orange', completed: 'green', cancelled: undefined };

export function ProjectsTab() {
  const t = useT();
  const { records: projects, loading } = useRecords('project', { includeArchived: true });
  const { records: phases } = useRecords('projectPhase', { includeArchived: true });
  const { byId: people } = usePeople();
  const mayAdd = useMayRun('project.create');
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<ProjectStatus | undefined>();
  const [showArchived, setShowArchived] = useState(false);

  const contractor = useMemo(
    () => (p: Project) => {
      const person = p.contractorId ? people.get(p.contractorId) : undefined;
      return person ? person.company || person.name : '';
    },
    [people],
  );

  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return projects
      .filter((p) => (showArchived || !p.archived) && (!status || p.status === status))
      .filter((p) => !needle || [p.name, p.scope, contractor(p)].some((v) => v.toLowerCase().includes(needle)))
      .sort((a, b) => (b.actualStart ?? b.plannedStart ?? '').localeCompare(a.actualStart ?? a.plannedStart ?? '') || a.name.localeCompare(b.name, 'zh-TW'));
  }, [projects, showArchived, status, search, contractor]);

  const phasesOf = (id: string) => phases.filter((ph) => ph.projectId === id && !ph.archived).sort((a, b) => a.seq - b.seq);
  const project = editing?.id ? projects.find((p) => p.id === editing.id) : undefined;

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <Input.Search size="small" allowClear placeholder={t('projects.search')} value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: 240 }} />
        <Select
          size="small"
          allowClear
          placeholder={t('field.status')}
          value={status}
          onChange={setStatus}
          options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projectStatus.${s}`) }))}
          style={{ width: 120 }}
        />
        <Switch size="small" checked={showArchived} onChange={setShowArchived} aria-label={t('common.showArchived')} />
        <Typography.Text type="secondary">{t('common.showArchived')}</Typography.Text>
        {mayAdd && (
          <Button size="small" type="primary" onClick={() => setEditing({ id: null })} style={{ marginInlineStart: 'auto' }}>
            {t('projects.new')}
          </Button>
        )}
      </Flex>
      <Table<Project>
        size="small"
        rowKey="id"
        loading={loading && projects.length === 0}
        dataSource={shown}
        pagination={false}
        locale={{ emptyText: t('projects.empty') }}
        expandable={{
          rowExpandable: (p) => phasesOf(p.id).length > 0,
          expandedRowRender: (p) => <PhaseLines phases={phasesOf(p.id)} />,
        }}
        columns={[
          {
            key: 'name',
            title: t('projects.name'),
            render: (_, p) => (
              <Flex gap={4} align="center">
                <Typography.Link onClick={() => setEditing({ id: p.id })}>{p.name}</Typography.Link>
                {p.archived && <Tag>{t('common.archived')}</Tag>}
              </Flex>
            ),
          },
          { key: 'status', title: t('field.status'), width: 90, render: (_, p) => <Tag color={STATUS_COLOR[p.status]}>{t(`projectStatus.${p.status}`)}</Tag> },
          { key: 'contractor', title: t('field.contractorId'), ellipsis: true, render: (_, p) => contractor(p) },
          { key: 'budget', title: t('field.budget'), width: 130, align: 'right', render: (_, p) => (p.budget === null ? '' : p.budget.toLocaleString('en-US')) },
          { key: 'planned', title: t('projects.planned'), width: 190, render: (_, p) => <Span from={p.plannedStart} to={p.plannedEnd} /> },
          { key: 'actual', title: t('projects.actual'), width: 190, render: (_, p) => <Span from={p.actualStart} to={p.actualEnd} /> },
        ]}
      />
      <Timeline projects={shown.filter((p) => p.status !== 'cancelled')} phases={phases} onOpen={(id) => setEditing({ id })} />
      {editing && <ProjectEditor key={editing.id ?? 'new'} project={project} phases={phases} onClose={() => setEditing(null)} />}
    </Flex>
  );
}

function PhaseLines({ phases }: { phases: ProjectPhase[] }) {
  const t = useT();
  return (
    <Flex vertical gap={2} style={{ paddingInlineStart: 24 }}>
      {phases.map((ph) => (
        <Flex key={ph.id} gap={12} align="center">
          <Typography.Text style={{ width: 200 }}>
            {ph.seq}. {ph.name}
          </Typography.Text>
          <Tag color={{ not_started: undefined, in_progress: 'orange', done: 'green' }[phaseState(ph)]}>{t(`phaseState.${phaseState(ph)}`)}</Tag>
          <Typography.Text type="secondary">
            {t('projects.planned')} <Span from={ph.plannedStart} to={ph.plannedEnd} />
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('projects.actual')} <Span from={ph.actualStart} to={ph.actualEnd} />
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
