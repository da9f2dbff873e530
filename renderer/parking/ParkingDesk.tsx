/**
 * The parking desk (停車證): the gate lookup first (the guard's only screen), then the
 * list of permits for the clerks.
 */
import { Tabs } from 'antd';
import { useShell } from '../app/store';
import { useT } from '../app/i18n';
import { useMayCall } from '../app/permissions';
import { Applications } from './Applications';
import { GateLookup } from './GateLookup';
import { PermitList } from './PermitList';
import { ParkingPrints } from './PrintPermits';
import { Renewal } from './Renewal';
import { useParkingDesk, type ParkingTab } from './store';
import './parking.css';

export function ParkingDesk() {
  const t = useT();
  const tab = useParkingDesk((s) => s.tab);
  const setTab = useParkingDesk((s) => s.setTab);
  const roles = useShell((s) => s.session?.user?.roles ?? []);
  // The guard's session reads the gate lookup only (the access of parking.permits says so too).
  const readsPermits = roles.some((r) => r !== 'guard');
  // The renewal names the holders: only those its list's call lets read it see the tab.
  const renews = useMayCall('parking.renewalList');
  const items = [
    { key: 'gate', label: t('parking.ui.tab.gate'), children: <GateLookup /> },
    ...(readsPermits
      ? [
          { key: 'permits', label: t('parking.ui.tab.permits'), children: <PermitList /> },
          { key: 'applications', label: t('parking.ui.tab.applications'), children: <Applications /> },
          ...(renews ? [{ key: 'renewal', label: t('parking.ui.tab.renewal'), children: <Renewal /> }] : []),
        ]
      : []),
  ];
  return (
    <>
      <Tabs items={items} activeKey={readsPermits ? tab : 'gate'} onChange={(k) => setTab(k as ParkingTab)} destroyOnHidden size="small" />
      <ParkingPrints />
    </>
  );
}
