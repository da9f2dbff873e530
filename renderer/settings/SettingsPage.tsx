/** Settings: the reference data every desk shares, and the workstation's own options. */
import { Tabs } from 'antd';
import { useT } from '../app/i18n';
import { GeneralTab } from './GeneralTab';

export function SettingsPage() {
  const t = useT();
  const items = [
    { key: 'general', label: t('settings.general'), children: <GeneralTab /> },
    { key: 'places', label: t('settings.places'), children: null },
    { key: 'agencies', label: t('settings.agencies'), children: null },
    { key: 'people', label: t('settings.people'), children: null },
    { key: 'users', label: t('settings.users'), children: null },
    { key: 'calendar', label: t('settings.calendar'), children: null },
    { key: 'backup', label: t('settings.backup'), children: null },
  ];
  return <Tabs items={items} destroyOnHidden />;
}
