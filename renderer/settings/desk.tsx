/** The settings desk as the shell sees it. */
import { SettingOutlined } from '@ant-design/icons';
import { DESK_READERS } from '../../domain/call';
import type { DeskEntry } from '../app/desks';

export const settingsDesk: DeskEntry = {
  id: 'settings',
  label: 'nav.settings',
  icon: <SettingOutlined />,
  roles: DESK_READERS,
  load: () => import('./SettingsPage').then((m) => m.SettingsPage),
};
