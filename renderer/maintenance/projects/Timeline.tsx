/**
 * 工程進度: one row per project (and per phase beneath it), a hollow bar for the planned
 * dates and a filled one for the actual dates; a work still under way runs to today.
 */
import { Flex, Typography, theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { todayInTaipei } from '../../../domain/dates';
import type { Project, ProjectPhase } from '../../../domain/maintenance/projects';
import { useLocale, useT } from '../../app/i18n';
import { axisFor, barFor, type Axis } from './timeline';

const LABEL_WIDTH = 220;

function monthLabel(start: string, locale: string): string {
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  return locale === 'zh-TW' ? `${y - 1911}/${String(m).padStart(2, '0')}` : `${y}-${String(m).padStart(2, '0')}`;
}

export function Timeline({ projects, phases, onOpen }: { projects: Project[]; phases: ProjectPhase[]; onOpen(id: string): void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { token } = theme.useToken();
  const today = todayInTaipei();
  const axis = axisFor([...projects, ...phases]);
  if (!axis) return null;

  const row = (key: string, label: ReactNode, item: Pick<Project, 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd'>, level: 0 | 1, openEnd: string | undefined) => {
    const planned = barFor(axis, item.plannedStart, item.plannedEnd);
    const actual = barFor(axis, item.actualStart, item.actualEnd, openEnd);
    return (
      <div key={key} style={{ display: 'flex', alignItems: 'center', height: level === 0 ? 26 : 22 }}>
        <div
          style={{
            width: LABEL_WIDTH,
            flex: 'none',
            paddingInlineStart: level * 16,
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
            fontSize: level ? token.fontSizeSM : token.fontSize,
          }}
        >
          {label}
        </div>
        <div style={{ position: 'relative', flex: 1, height: '100%' }}>
          <Grid axis={axis} />
          {planned && (
            <div
              title={t('projects.timeline.planned')}
              style={{
                position: 'absolute',
                top: level ? 4 : 4,
                height: level ? 14 : 18,
                left: `${planned.left}%`,
                width: `${planned.width}%`,
                border: `1px dashed ${token.colorPrimary}`,
                borderRadius: 3,
                boxSizing: 'border-box',
              }}
            />
          )}
          {actual && (
            <div
              title={t('projects.timeline.actual')}
              style={{
                position: 'absolute',
                top: level ? 8 : 9,
                height: level ? 6 : 8,
                left: `${actual.left}%`,
                width: `${actual.width}%`,
                background: item.actualEnd ? token.colorSuccess : token.colorWarning,
                borderRadius: 3,
              }}
            />
          )}
        </div>
      </div>
    );
  };

  const todayBar = today >= axis.from && today < axis.to ? barFor(axis, today, today) : null;

  return (
    <div
      aria-label={t('projects.timeline.title')}
      role="figure"
      style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadius, padding: 8, background: token.colorBgContainer }}
    >
      <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
        <Typography.Text strong>{t('projects.timeline.title')}</Typography.Text>
        <Flex gap={12} style={{ fontSize: token.fontSizeSM }}>
          <Legend style={{ border: `1px dashed ${token.colorPrimary}`, height: 10 }} text={t('projects.timeline.planned')} />
          <Legend style={{ background: token.colorSuccess, height: 6 }} text={t('projects.timeline.done')} />
          <Legend style={{ background: token.colorWarning, height: 6 }} text={t('projects.timeline.ongoing')} />
        </Flex>
      </Flex>
      <div style={{ display: 'flex', height: 20 }}>
        <div style={{ width: LABEL_WIDTH, flex: 'none' }} />
        <div style={{ position: 'relative', flex: 1 }}>
          {axis.months.map((m) => (
            <div
              key={m.start}
              style={{
                position: 'absolute',
                left: `${m.left}%`,
                width: `${m.width}%`,
                fontSize: token.fontSizeSM,
                color: token.colorTextSecondary,
                textAlign: 'center',
                whiteSpace: 'nowrap',
                overflow: 'hidden',
              }}
            >
              {monthLabel(m.start, locale)}
            </div>
          ))}
        </div>
      </div>
      <div style={{ position: 'relative' }}>
        {projects.map((p) => [
          row(p.id, <Typography.Link onClick={() => onOpen(p.id)}>{p.name}</Typography.Link>, p, 0, p.status === 'in_progress' ? today : undefined),
          ...phases
            .filter((ph) => ph.projectId === p.id && !ph.archived)
            .sort((a, b) => a.seq - b.seq)
            .map((ph) => row(ph.id, <Typography.Text type="secondary">{ph.name}</Typography.Text>, ph, 1, ph.actualStart && !ph.actualEnd ? today : undefined)),
        ])}
        {todayBar && (
          <div
            title={t('projects.timeline.today')}
            style={{ position: 'absolute', top: 0, bottom: 0, left: `calc(${LABEL_WIDTH}px + (100% - ${LABEL_WIDTH}px) * ${todayBar.left / 100})`, borderLeft: `1px solid ${token.colorError}` }}
          />
        )}
      </div>
    </div>
  );
}

function Grid({ axis }: { axis: Axis }) {
  const { token } = theme.useToken();
  return (
    <>
      {axis.months.map((m) => (
        <div key={m.start} style={{ position: 'absolute', top: 0, bottom: 0, left: `${m.left}%`, borderLeft: `1px solid ${token.colorBorderSecondary}` }} />
      ))}
    </>
  );
}

function Legend({ style, text }: { style: CSSProperties; text: string }) {
  return (
    <Flex align="center" gap={4}>
      <span style={{ display: 'inline-block', width: 18, borderRadius: 2, ...style }} />
      {text}
    </Flex>
  );
}
