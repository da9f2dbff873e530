/** The vehicle dispatch desk (公務車調派) as the shell sees it: every desk reader sees the board; the dispatchers write. */
import { CarOutlined } from '@ant-design/icons';
import { DESK_READERS } from '../../domain/call';
import type { Locale } from '../../domain/dates';
import { translate } from '../../domain/i18n';
import type { DeskEntry } from '../app/desks';
import { useShell } from '../app/store';
import { isTripAttention, TripAttentionCard } from './AttentionTrip';
import { useVehiclesDesk } from './store';

function vehicleCommands(locale: Locale, other: Locale) {
  const open = () => {
    useShell.getState().goTo('vehicles');
    useVehiclesDesk.getState().setTab('board');
  };
  return [
    { id: 'vehicles.board', label: translate(locale, 'vehicles.ui.palette.board'), aliases: [translate(other, 'vehicles.ui.palette.board'), '派車', 'dispatch'], run: open },
    {
      id: 'vehicles.paper',
      label: translate(locale, 'vehicles.ui.palette.paper'),
      aliases: [translate(other, 'vehicles.ui.palette.paper'), '紙本', 'paper'],
      run: () => {
        open();
        useVehiclesDesk.getState().setPaperOpen(true);
      },
    },
  ];
}

export const vehiclesDesk: DeskEntry = {
  id: 'vehicles',
  label: 'nav.vehicles',
  icon: <CarOutlined />,
  roles: DESK_READERS,
  load: () => import('./VehiclesDesk').then((m) => m.VehiclesDesk),
  commands: vehicleCommands,
  attention: [{ matches: isTripAttention, Card: TripAttentionCard }],
};
