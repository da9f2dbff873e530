/** The dispatch desk: the board with the request queue beside it, then the fleet, the drivers and the documents falling due. */
import { Tabs } from 'antd';
import { useT } from '../app/i18n';
import { DispatchBoard } from './Board';
import { DocumentsDue, DriverList, FleetList } from './Lists';
import { PaperRequestDrawer } from './PaperRequest';
import { useVehiclesDesk, type VehiclesTab } from './store';
import './vehicles.css';

export function VehiclesDesk() {
  const t = useT();
  const tab = useVehiclesDesk((s) => s.tab);
  const setTab = useVehiclesDesk((s) => s.setTab);
  const paperOpen = useVehiclesDesk((s) => s.paperOpen);
  const setPaperOpen = useVehiclesDesk((s) => s.setPaperOpen);
  const items = [
    { key: 'board', label: t('vehicles.ui.tab.board'), children: <DispatchBoard /> },
    { key: 'fleet', label: t('vehicles.ui.tab.fleet'), children: <FleetList /> },
    { key: 'drivers', label: t('vehicles.ui.tab.drivers'), children: <DriverList /> },
    { key: 'documents', label: t('vehicles.ui.tab.documents'), children: <DocumentsDue /> },
  ];
  return (
    <>
      <Tabs items={items} activeKey={tab} onChange={(k) => setTab(k as VehiclesTab)} destroyOnHidden size="small" />
      <PaperRequestDrawer open={paperOpen} onClose={() => setPaperOpen(false)} />
    </>
  );
}
