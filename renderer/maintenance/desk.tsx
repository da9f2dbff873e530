/** The maintenance desk as the shell sees it. */
import { ToolOutlined } from '@ant-design/icons';
import { DESK_READERS } from '../../domain/call';
import type { DeskEntry } from '../app/desks';
import { maintenanceCommands } from './commands';

export const maintenanceDesk: DeskEntry = {
  id: 'maintenance',
  label: 'nav.maintenance',
  icon: <ToolOutlined />,
  roles: DESK_READERS,
  load: () => import('./MaintenanceDesk').then((m) => m.MaintenanceDesk),
  commands: maintenanceCommands,
};
