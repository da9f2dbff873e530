/**
 * The parking desk (停車證): the gate lookup first (the guard's only screen), then the
 * list of permits for the clerks.
 */
import { Alert, Button, Flex, Tabs } from 'antd';
import { EXPIRING_DAYS } from '../../domain/parking/rules';
import { useApiRead } from '../app/hooks';
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
      {readsPermits && <Reminders />}
      <Tabs items={items} activeKey={readsPermits ? tab : 'gate'} onChange={(k) => setTab(k as ParkingTab)} destroyOnHidden size="small" />
      <ParkingPrints />
    </>
  );
}

/** 待處理 on the desk's first screen for a clerk: permits about to expire, applications waiting; each opens its list. */
function Reminders() {
  const t = useT();
  const { data } = useApiRead('parking.reminders', { days: EXPIRING_DAYS }, { reloadOn: ['permit', 'permitApplication'], keepPrevious: true });
  if (!data || (data.expiring === 0 && data.waiting === 0)) return null;
  const { setTab, showExpiring } = useParkingDesk.getState();
  return (
    <Flex gap={8} wrap style={{ marginBottom: 8 }} role="region" aria-label={t('parking.ui.reminder.title')}>
      {data.expiring > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('parking.ui.reminder.expiring', { count: data.expiring, days: data.days })}
          action={
            <Button
              size="small"
              onClick={() => {
                showExpiring(data.days);
                setTab('permits');
              }}
            >
              {t('parking.ui.reminder.show')}
            </Button>
          }
        />
      )}
      {data.waiting > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('parking.ui.reminder.waiting', { count: data.waiting })}
          action={
            <Button size="small" onClick={() => setTab('applications')}>
              {t('parking.ui.reminder.show')}
            </Button>
          }
        />
      )}
    </Flex>
  );
}
