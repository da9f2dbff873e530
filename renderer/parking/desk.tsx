/** The parking desk as the shell sees it: the guards see it too, for the gate lookup. */
import { IdcardOutlined } from '@ant-design/icons';
import type { Locale } from '../../domain/dates';
import { translate } from '../../domain/i18n';
import type { DeskEntry } from '../app/desks';
import { useShell } from '../app/store';
import { useParkingDesk } from './store';

function parkingCommands(locale: Locale, other: Locale) {
  return [
    {
      id: 'parking.gate',
      label: translate(locale, 'parking.ui.palette.gate'),
      aliases: [translate(other, 'parking.ui.palette.gate'), 'gate', 'plate'],
      // F2 from anywhere: a guard at the gate has one key to the plate box.
      key: { code: 'F2' },
      run: () => {
        useShell.getState().goTo('parking');
        useParkingDesk.getState().openGate();
      },
    },
  ];
}

export const parkingDesk: DeskEntry = {
  id: 'parking',
  label: 'nav.parking',
  icon: <IdcardOutlined />,
  load: () => import('./ParkingDesk').then((m) => m.ParkingDesk),
  commands: parkingCommands,
};
