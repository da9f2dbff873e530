/**
 * The maintenance desk (設施維修): repair tickets, the technician's own work, preventive
 * maintenance rounds, projects and assets, one tab each. Ctrl+N files a new ticket from
 * any tab; the ticket drawer, the round drawer and the work order print view float over
 * all of them. Opening the desk makes the rounds due (useRoundGeneration), whichever tab
 * shows, so they are in 我的工作 and 定期保養 without anyone asking.
 */
import { Tabs } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useT } from '../app/i18n';
import { useShortcuts } from '../components/shortcuts';
import { useMayRun } from '../app/permissions';
import { AssetsTab } from './assets/AssetsTab';
import { NEW_TICKET_SHORTCUT } from './commands';
import { useRoundGeneration } from './inspections/generation';
import { InspectionsTab } from './inspections/InspectionsTab';
import { RoundDrawer } from './inspections/RoundScreen';
import { ProjectsTab } from './projects/ProjectsTab';
import { useMaintenance, type MaintenanceTab } from './store';
import { MyWorkTab } from './tickets/MyWorkTab';
import { TicketDrawer } from './tickets/TicketDrawer';
import { TicketForm } from './tickets/TicketForm';
import { TicketsTab } from './tickets/TicketsTab';
import { WorkOrderPrint } from './tickets/WorkOrderPrint';
import './maintenance.css';

export function MaintenanceDesk() {
  const t = useT();
  const tab = useMaintenance((s) => s.tab);
  const newOpen = useMaintenance((s) => s.newOpen);
  const { setTab, setNewOpen, open, loadPrefs } = useMaintenance.getState();
  const mayFile = useMayRun('ticket.create');
  const [justFiled, setJustFiled] = useState<string | null>(null);

  useEffect(() => {
    void loadPrefs();
  }, [loadPrefs]);
  useRoundGeneration();

  const shortcuts = useMemo(() => [{ ...NEW_TICKET_SHORTCUT, run: () => mayFile && setNewOpen(true) }], [mayFile, setNewOpen]);
  useShortcuts(shortcuts);

  const items = [
    { key: 'tickets', label: t('maint.tab.tickets'), children: <TicketsTab highlightId={justFiled} /> },
    { key: 'myWork', label: t('maint.tab.myWork'), children: <MyWorkTab /> },
    { key: 'inspections', label: t('maint.tab.inspections'), children: <InspectionsTab /> },
    { key: 'projects', label: t('maint.tab.projects'), children: <ProjectsTab /> },
    { key: 'assets', label: t('maint.tab.assets'), children: <AssetsTab /> },
  ];
  return (
    <>
      <Tabs className="maint-tabs" items={items} activeKey={tab} onChange={(k) => setTab(k as MaintenanceTab)} destroyOnHidden size="small" style={{ height: '100%' }} />
      <TicketForm
        open={newOpen}
        onClose={() => setNewOpen(false)}
        onSaved={(id, how) => {
          setNewOpen(false);
          setJustFiled(id);
          // A report added to an open ticket shows that ticket; a new one is selected in the list.
          if (how === 'added' || tab !== 'tickets') open(id);
        }}
      />
      <TicketDrawer />
      <RoundDrawer />
      <WorkOrderPrint />
    </>
  );
}
