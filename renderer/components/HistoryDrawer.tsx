/** Who changed a record, when, and what: field by field, old → new. */
import { Alert, Drawer, Empty, Spin, Tag, Timeline, Typography } from 'antd';
import { useMemo } from 'react';
import type { HistoryEntry } from '../../domain/api';
import { formatInstant } from '../../domain/dates';
import type { Kind } from '../../domain/entities';
import { useApiRead } from '../app/hooks';
import { useLocale, useT } from '../app/i18n';
import { fieldLabel, historyLines, historyValue } from './history-logic';
import { useAgencies, usePeople, usePlaceLabel, usePlaces } from '../app/reference';
import { placeKindPath } from '../app/places-logic';
import { nameOf } from '../../domain/i18n';

interface Props {
  kind: Kind;
  id: string;
  title: string;
  open: boolean;
  onClose(): void;
}

type Loaded = { entries: HistoryEntry[] } | { error: string };

export function HistoryDrawer({ kind, id, title, open, onClose }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const resolve = useResolver();
  // Read afresh each time the drawer opens; the last answer stays while it does.
  const read = useApiRead('records.history', { kind, id }, { enabled: open });
  const current: Loaded | null = useMemo(() => (read.error ? { error: read.error } : read.data ? { entries: [...read.data].reverse() } : null), [read.error, read.data]);

  return (
    <Drawer open={open} onClose={onClose} title={`${t('history.title')}：${title}`} size={460}>
      {!current && <Spin />}
      {current && 'error' in current && <Alert type="error" title={current.error} />}
      {current && 'entries' in current && current.entries.length === 0 && <Empty description={t('settings.history.none')} />}
      {current && 'entries' in current && current.entries.length > 0 && (
        <Timeline
          items={current.entries.map((entry) => ({
            key: entry.id,
            content: (
              <div>
                <Typography.Text type="secondary">{t('history.by', { user: entry.userName, time: formatInstant(entry.at, locale) })}</Typography.Text>
                {entry.op !== 'update' && (
                  <Tag style={{ marginInlineStart: 8 }} color={entry.op === 'create' ? 'green' : 'red'}>
                    {t(entry.op === 'create' ? 'history.created' : 'common.delete')}
                  </Tag>
                )}
                {entry.op === 'create'
                  ? Object.entries(entry.changes)
                      .filter(([field, [, value]]) => !(field === 'archived' && value === false))
                      .map(([field, [, value]]) => <div key={field}>{t('settings.history.value', { field: fieldLabel(field, t), value: historyValue(kind, field, value, t, resolve) })}</div>)
                  : entry.op === 'update' && historyLines(kind, entry.changes, t, resolve).map((line) => <div key={line.field}>{line.text}</div>)}
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}

/** Names the records a field refers to (parents, agency, person) from the loaded lists. */
function useResolver() {
  const places = usePlaces();
  const { byId: agencies } = useAgencies();
  const { byId: people } = usePeople();
  const label = usePlaceLabel();
  const locale = useLocale((s) => s.locale);
  return (field: string, id: string): string | undefined => {
    if (field === 'siteId' && places.site.has(id)) return placeKindPath(places, 'site', id, locale);
    if (field === 'buildingId' && places.building.has(id)) return placeKindPath(places, 'building', id, locale);
    if (field === 'floorId' && places.floor.has(id)) return placeKindPath(places, 'floor', id, locale);
    if (field === 'spaceId' && places.space.has(id)) return label(id);
    if (field === 'agencyId') {
      const agency = agencies.get(id);
      return agency && nameOf(agency, locale);
    }
    if (field === 'personId') return people.get(id)?.name;
    return undefined;
  };
}
