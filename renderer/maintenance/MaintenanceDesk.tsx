/**
 * The maintenance desk (設施維修): repair tickets, the technician's own work, preventive
 * maintenance rounds, projects and assets, one tab each.
 */
import { Tabs } from 'antd';
import { useT } from '../app/i18n';
import { AssetsTab } from './assets/AssetsTab';
import { InspectionsTab } from './inspections/InspectionsTab';
import { ProjectsTab } from './projects/ProjectsTab';

export function MaintenanceDesk() {
  const t = useT();
  const items = [
    { key: 'tickets', label: t('maint.tab.tickets'), children: null },
    { key: 'myWork', label: t('maint.tab.myWork'), children: null },
    { key: 'inspections', label: t('maint.tab.inspections'), children: <InspectionsTab /> },
    { key: 'projects', label: t('maint.tab.projects'), children: <ProjectsTab /> },
    { key: 'assets', label: t('maint.tab.assets'), children: <AssetsTab /> },
  ];
  return <Tabs items={items} destroyOnHidden size="small" />;
}
