/** Settings › 使用者: who signs in, with which roles, linked to which person. */
import { Button, Select, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { User } from '../../domain/entities';
import { ROLES } from '../../domain/roles';
import { useT } from '../app/i18n';
import { EditorModal } from '../components/EditorModal';
import { ListScreen } from '../components/ListScreen';
import { PasswordDialog } from './PasswordDialog';
import { useMayRun } from '../app/permissions';
import { RecordEditor, type EditorField } from '../components/RecordEditor';
import { active, useLoaded, usePeople, useUsers } from '../app/reference';
import { OptionalSelect } from '../components/OptionalSelect';

type Option = { value: string; label: string };

export function UsersTab() {
  const t = useT();
  const users = useUsers();
  const { people, byId: personById } = usePeople();
  const loaded = useLoaded('user');
  const mayAdd = useMayRun('user.create');
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const [password, setPassword] = useState<{ id: string; isNew: boolean } | null>(null);

  const byId = useMemo(() => new Map(users.map((u) => [u.id, u])), [users]);
  const user = editing?.id ? byId.get(editing.id) : undefined;
  const passwordUser = password ? (byId.get(password.id) ?? null) : null;
  const personOptions = useMemo(
    () =>
      active(people)
        .concat(user?.personId && personById.get(user.personId)?.archived ? [personById.get(user.personId)!] : [])
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-TW'))
        .map((p) => ({ value: p.id, label: p.title ? `${p.name}（${p.title}）` : p.name })),
    [people, personById, user],
  );
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
  const roleTags = (u: User) => ROLES.filter((r) => u.roles.includes(r)).map((r) => <Tag key={r}>{t(`role.${r}`)}</Tag>);

  return (
    <>
      <ListScreen<User>
        rows={users}
        loaded={loaded}
        sort={(a, b) => a.username.localeCompare(b.username, 'en')}
        matches={(u, needle) => [u.username, u.displayName, ...u.roles.map((r) => t(`role.${r}`))].some((v) => v.toLowerCase().includes(needle))}
        titleHeader={t('field.username')}
        titleWidth={160}
        title={(u) => u.username}
        onOpen={(u) => setEditing({ id: u.id })}
        columns={[
          { key: 'displayName', title: t('field.displayName'), dataIndex: 'displayName', width: 140 },
          { key: 'person', title: t('field.personId'), width: 140, render: (_, u) => (u.personId ? (personById.get(u.personId)?.name ?? '') : '') },
          {
            key: 'roles',
            title: t('field.roles'),
            render: (_, u) => (
              <Space size={[0, 4]} wrap>
                {roleTags(u)}
              </Space>
            ),
          },
        ]}
        addLabel={t('settings.users.add')}
        onAdd={() => setEditing({ id: null })}
        mayEdit={mayAdd}
        searchPlaceholder={t('settings.users.search')}
        emptyText={t('settings.users.empty')}
      />
      <EditorModal open={editing !== null} title={user ? `${user.displayName}（${user.username}）` : t('settings.users.add')} onClose={() => setEditing(null)}>
        {editing && (
          <RecordEditor
            key={editing.id ?? 'new'}
            kind="user"
            record={user}
            fields={userFields(t, personOptions, roleOptions)}
            defaults={{ roles: ['viewer'] }}
            name={user?.displayName ?? ''}
            onSaved={(id, created) => {
              setEditing(null);
              // A new user cannot sign in before having a password: ask for it at once.
              if (created) setPassword({ id, isNew: true });
            }}
            onCancel={() => setEditing(null)}
            onGone={() => setEditing(null)}
            extraButtons={user && <Button onClick={() => setPassword({ id: user.id, isNew: false })}>{t('settings.users.setPassword')}</Button>}
          />
        )}
      </EditorModal>
      <PasswordDialog user={passwordUser} note={password?.isNew ? t('settings.users.setPasswordNow') : undefined} onClose={() => setPassword(null)} />
    </>
  );
}

function userFields(t: ReturnType<typeof useT>, people: Option[], roles: Option[]): EditorField[] {
  return [
    { name: 'username', type: 'text', required: true, max: 40, help: t('settings.users.usernameHelp') },
    { name: 'displayName', type: 'text', required: true, max: 50 },
    { name: 'personId', type: 'select', span: 24, input: <OptionalSelect showSearch={{ optionFilterProp: 'label' }} options={people} /> },
    { name: 'roles', type: 'multi', required: true, span: 24, input: <Select mode="multiple" options={roles} /> },
  ];
}
