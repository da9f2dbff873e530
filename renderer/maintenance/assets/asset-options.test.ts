import { describe, expect, it } from 'vitest';
import type { Asset } from '../../../domain/maintenance/assets';
import { offers, ticketAssetOptions } from './asset-options';

const asset = (id: string, code: string, spaceId: string, archived = false): Asset => ({
  id,
  code,
  name: id,
  kind: 'elevator',
  spaceId,
  make: '',
  model: '',
  serialNo: '',
  installedOn: null,
  maintainerId: null,
  note: '',
  archived,
  createdAt: '',
  updatedAt: '',
});

// Two buildings: the lobby and the machine room in M, the hall in F.
const building: Record<string, string> = { lobby: 'M', machineRoom: 'M', hall: 'F' };
const assets = [
  asset('lift-10', 'EL-10', 'machineRoom'),
  asset('lift-2', 'EL-2', 'machineRoom'),
  asset('panel', 'FP-1', 'lobby'),
  asset('old-panel', 'FP-0', 'lobby', true),
  asset('front-lift', 'EL-1', 'hall'),
];
const input = (spaceId: string | null, keep: string[] = []) => ({
  assets,
  spaceId,
  buildingOf: (s: string) => building[s],
  label: (a: Asset) => a.code,
  keep,
  groupLabels: { here: '此地點', building: '同棟其他' },
});

describe('the equipment a ticket can be about', () => {
  it('once a location is chosen: what stands there first, then the rest of its building, by tag', () => {
    expect(ticketAssetOptions(input('lobby'))).toEqual([
      { label: '此地點', title: '此地點', options: [{ value: 'panel', label: 'FP-1' }] },
      {
        label: '同棟其他',
        title: '同棟其他',
        options: [
          { value: 'lift-2', label: 'EL-2' },
          { value: 'lift-10', label: 'EL-10' },
        ],
      },
    ]);
  });

  it('without a location, every asset in use; archived ones only when the ticket has one', () => {
    expect(ticketAssetOptions(input(null)).map((o) => ('value' in o ? o.value : o.label))).toEqual(['front-lift', 'lift-2', 'lift-10', 'panel']);
    expect(offers(ticketAssetOptions(input('lobby')), 'old-panel')).toBe(false);
    expect(offers(ticketAssetOptions(input('lobby', ['old-panel'])), 'old-panel')).toBe(true);
  });

  it('equipment of another building is not offered, unless the ticket already has it', () => {
    expect(offers(ticketAssetOptions(input('hall')), 'lift-2')).toBe(false);
    expect(ticketAssetOptions(input('hall', ['lift-2']))).toEqual([
      { label: '此地點', title: '此地點', options: [{ value: 'front-lift', label: 'EL-1' }] },
      { label: '同棟其他', title: '同棟其他', options: [{ value: 'lift-2', label: 'EL-2' }] },
    ]);
  });
});
