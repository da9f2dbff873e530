/** Settings: the reference data every desk shares, and the workstation's own options. */
import { Tabs } from 'antd';
import { useT } from '../app/i18n';
import { useShell } from '../app/store';
import { GeneralTab } from './GeneralTab';
import { AgenciesTab } from './AgenciesTab';
import { BackupTab } from './BackupTab';
import { CalendarTab } from './CalendarTab';
import { PeopleTab } from './PeopleTab';
import { PlacesTab } from './PlacesTab';
import { UsersTab } from './UsersTab';

export function SettingsPage() {
  const t = useT();
  // Users and backups are the administrators' business (their calls refuse anyone else).
  const admin = useShell((s) => !!s.session?.user?.roles.includes('admin'));
  const items = [
    { key: 'general', label: t('settings.general'), children: <GeneralTab /> },
    { key: 'places', label: t('settings.places'), children: <PlacesTab /> },
    { key: 'agencies', label: t('settings.agencies'), children: <AgenciesTab /> },
    { key: 'people', label: t('settings.people'), children: <PeopleTab /> },
    ...(admin ? [{ key: 'users', label: t('settings.users'), children: <UsersTab /> }] : []),
    { key: 'calendar', label: t('settings.calendar'), children: <CalendarTab /> },
    ...(admin ? [{ key: 'backup', label: t('settings.backup'), children: <BackupTab /> }] : []),
  ];
  return <Tabs items={items} destroyOnHidden size="small" />;
}
