/** Settings › 機關: the city's agencies, with where their offices are. */
import { Button, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Agency } from '../../domain/entities';
import { useLocale, useT } from '../app/i18n';
import { EditorModal } from '../components/EditorModal';
import { ImportDialog } from '../components/ImportDialog';
import { ListScreen } from '../components/ListScreen';
import { nameOf } from '../../domain/i18n';
import { useMayRun } from '../app/permissions';
import { RecordEditor, type EditorField } from '../components/RecordEditor';
import { useAgencies, useLoaded, usePlaceLabel, useSpaceOptions } from '../app/reference';

/** The record open in the dialog, by id so it follows saves; null id: a new one. */
type Editing = { id: string | null } | null;

const byCode = (a: Agency, b: Agency) => a.code.localeCompare(b.code, 'en', { numeric: true });

export function AgenciesTab() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { agencies, offices, byId } = useAgencies();
  const loaded = useLoaded('agency', 'agencyOffice');
  const label = usePlaceLabel();
  const mayAdd = useMayRun('agency.create');
  const [editing, setEditing] = useState<Editing>(null);
  const [importing, setImporting] = useState(false);

  const officesOf = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const o of offices) map.set(o.agencyId, [...(map.get(o.agencyId) ?? []), o.spaceId].sort());
    return map;
  }, [offices]);

  const agency = editing?.id ? byId.get(editing.id) : undefined;
  const current = useMemo(() => (agency ? { ...agency, officeSpaceIds: officesOf.get(agency.id) ?? [] } : undefined), [agency, officesOf]);
  const spaceOptions = useSpaceOptions(current?.officeSpaceIds);

  return (
    <>
      <ListScreen<Agency>
        rows={agencies}
        loaded={loaded}
        sort={byCode}
        matches={(a, needle) => [a.code, a.nameZh, a.nameEn, a.shortName, a.phone].some((v) => v.toLowerCase().includes(needle))}
        // The column shows the Chinese name in zh-TW and the English one (when there is one) in English.
        titleHeader={t(locale === 'zh-TW' ? 'field.nameZh' : 'field.name')}
        titleWidth={220}
        title={(a) => nameOf(a, locale)}
        onOpen={(a) => setEditing({ id: a.id })}
        columns={[
          { key: 'code', title: t('field.code'), dataIndex: 'code', width: 100 },
          { key: 'shortName', title: t('field.shortName'), dataIndex: 'shortName', width: 120 },
          { key: 'phone', title: t('field.phone'), dataIndex: 'phone', width: 150 },
          {
            key: 'offices',
            title: t('field.officeSpaceIds'),
            ellipsis: true,
            render: (_, a) => {
              const text = (officesOf.get(a.id) ?? []).map(label).join('；');
              return text ? <Typography.Text title={text}>{text}</Typography.Text> : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
            },
          },
        ]}
        addLabel={t('settings.agencies.add')}
        onAdd={() => setEditing({ id: null })}
        mayEdit={mayAdd}
        buttons={
          <Button size="small" onClick={() => setImporting(true)}>
            {t('settings.importAgencies')}
          </Button>
        }
        searchPlaceholder={t('settings.agencies.search')}
        emptyText={t('settings.agencies.empty')}
      />
      <EditorModal open={editing !== null} title={agency ? nameOf(agency, locale) : t('settings.agencies.add')} onClose={() => setEditing(null)}>
        {editing && (
          <RecordEditor
            key={editing.id ?? 'new'}
            kind="agency"
            record={agency}
            current={current}
            fields={agencyFields(spaceOptions)}
            name={agency ? nameOf(agency, locale) : ''}
            onSaved={() => setEditing(null)}
            onCancel={() => setEditing(null)}
            onGone={() => setEditing(null)}
            canDelete
          />
        )}
      </EditorModal>
      <ImportDialog what="agency" open={importing} onClose={() => setImporting(false)} />
    </>
  );
}

function agencyFields(options: { value: string; label: string }[]): EditorField[] {
  return [
    { name: 'code', type: 'text', required: true, max: 20 },
    { name: 'shortName', type: 'text', max: 30 },
    { name: 'nameZh', type: 'text', required: true, max: 100 },
    { name: 'nameEn', type: 'text', max: 100 },
    { name: 'phone', type: 'text', max: 30 },
    {
      name: 'officeSpaceIds',
      type: 'multi',
      span: 24,
      input: <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={options} maxTagCount="responsive" />,
    },
  ];
}
