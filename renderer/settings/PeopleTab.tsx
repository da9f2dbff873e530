/** Settings › 人員: staff, technicians, contractors' people, drivers and guards. */
import { Button, Select } from 'antd';
import { useMemo, useState } from 'react';
import { PERSON_KINDS, type Person, type PersonKind } from '../../domain/entities';
import { useLocale, useT } from '../app/i18n';
import { EditorModal } from '../components/EditorModal';
import { ImportDialog } from '../components/ImportDialog';
import { ListScreen } from '../components/ListScreen';
import { nameOf } from '../../domain/i18n';
import { useMayRun } from '../app/permissions';
import { RecordEditor, type EditorField } from '../components/RecordEditor';
import { active, useAgencies, useLoaded, usePeople } from '../app/reference';
import { OptionalSelect } from '../components/OptionalSelect';

type Option = { value: string; label: string };

export function PeopleTab() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { people, byId } = usePeople();
  const { agencies, byId: agencyById } = useAgencies();
  const loaded = useLoaded('person');
  const mayAdd = useMayRun('person.create');
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const [kind, setKind] = useState<PersonKind | undefined>();
  const [agencyId, setAgencyId] = useState<string | undefined>();

  const person = editing?.id ? byId.get(editing.id) : undefined;
  const agencyName = (id: string | null) => {
    const a = id ? agencyById.get(id) : undefined;
    return a ? a.shortName || nameOf(a, locale) : '';
  };
  const agencyOptions = useMemo(
    () =>
      active(agencies)
        .concat(person?.agencyId && agencyById.get(person.agencyId)?.archived ? [agencyById.get(person.agencyId)!] : [])
        .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))
        .map((a) => ({ value: a.id, label: nameOf(a, locale) })),
    [agencies, agencyById, person, locale],
  );
  const kindOptions = PERSON_KINDS.map((k) => ({ value: k, label: t(`personKind.${k}`) }));

  return (
    <>
      <ListScreen<Person>
        rows={people}
        loaded={loaded}
        sort={(a, b) => a.name.localeCompare(b.name, 'zh-TW')}
        matches={(p, needle) => [p.name, p.title, p.company, p.phoneExt, p.phone, p.email, agencyName(p.agencyId)].some((v) => v.toLowerCase().includes(needle))}
        filter={(p) => (!kind || p.kind === kind) && (!agencyId || p.agencyId === agencyId)}
        filters={
          <>
            <Select size="small" allowClear placeholder={t('field.kind')} value={kind} onChange={setKind} options={kindOptions} style={{ width: 130 }} />
            <Select
              size="small"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('field.agencyId')}
              value={agencyId}
              onChange={setAgencyId}
              options={agencyOptions}
              style={{ width: 200 }}
            />
          </>
        }
        titleHeader={t('field.name')}
        titleWidth={140}
        title={(p) => p.name}
        onOpen={(p) => setEditing({ id: p.id })}
        columns={[
          { key: 'kind', title: t('field.kind'), width: 110, render: (_, p) => t(`personKind.${p.kind}`) },
          { key: 'agency', title: t('field.agencyId'), ellipsis: true, render: (_, p) => agencyName(p.agencyId) || p.company },
          { key: 'title', title: t('field.title'), dataIndex: 'title', ellipsis: true },
          { key: 'phoneExt', title: t('field.phoneExt'), dataIndex: 'phoneExt', width: 100 },
          { key: 'phone', title: t('field.phone'), dataIndex: 'phone', width: 140 },
        ]}
        addLabel={t('settings.people.add')}
        onAdd={() => setEditing({ id: null })}
        mayEdit={mayAdd}
        buttons={
          <Button size="small" onClick={() => setImporting(true)}>
            {t('settings.importPeople')}
          </Button>
        }
        searchPlaceholder={t('settings.people.search')}
        emptyText={t('settings.people.empty')}
      />
      <EditorModal open={editing !== null} title={person ? person.name : t('settings.people.add')} onClose={() => setEditing(null)}>
        {editing && (
          <RecordEditor
            key={editing.id ?? 'new'}
            kind="person"
            record={person}
            fields={personFields(kindOptions, agencyOptions)}
            defaults={{ kind: kind ?? 'staff', agencyId: agencyId ?? null }}
            name={person?.name ?? ''}
            onSaved={() => setEditing(null)}
            onCancel={() => setEditing(null)}
            onGone={() => setEditing(null)}
            canDelete
          />
        )}
      </EditorModal>
      <ImportDialog what="person" open={importing} onClose={() => setImporting(false)} />
    </>
  );
}

function personFields(kinds: Option[], agencies: Option[]): EditorField[] {
  return [
    { name: 'name', type: 'text', required: true, max: 50 },
    { name: 'kind', type: 'select', required: true, input: <Select options={kinds} /> },
    { name: 'agencyId', type: 'select', input: <OptionalSelect showSearch={{ optionFilterProp: 'label' }} options={agencies} /> },
    { name: 'company', type: 'text', max: 100 },
    { name: 'title', type: 'text', max: 50 },
    { name: 'phoneExt', type: 'text', max: 10 },
    { name: 'phone', type: 'text', max: 30 },
    { name: 'email', type: 'text', max: 100 },
  ];
}
