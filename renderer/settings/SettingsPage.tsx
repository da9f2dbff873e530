/** Settings: the reference data every desk shares, and the workstation's own options. */
import { Tabs } from 'antd';
import { useT } from '../app/i18n';
import { GeneralTab } from './GeneralTab';
import { AgenciesTab } from './AgenciesTab';
import { BackupTab } from './BackupTab';
import { CalendarTab } from './CalendarTab';
import { PeopleTab } from './PeopleTab';
import { PlacesTab } from './PlacesTab';
import { UsersTab } from './UsersTab';

export function SettingsPage() {
  const t = useT();
  const items = [
    { key: 'general', label: t('settings.general'), children: <GeneralTab /> },
    { key: 'places', label: t('settings.places'), children: <PlacesTab /> },
    { key: 'agencies', label: t('settings.agencies'), children: <AgenciesTab /> },
    { key: 'people', label: t('settings.people'), children: <PeopleTab /> },
    { key: 'users', label: t('settings.users'), children: <UsersTab /> },
    { key: 'calendar', label: t('settings.calendar'), children: <CalendarTab /> },
    { key: 'backup', label: t('settings.backup'), children: <BackupTab /> },
  ];
  return <Tabs items={items} destroyOnHidden size="small" />;
}
