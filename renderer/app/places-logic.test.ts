import { describe, expect, it } from 'vitest';
import type { Building, Floor, Site, Space } from '../../domain/entities';
import { filterTree, indexPlaces, placeKindPath, placePath, placeTree, spaceOptions } from './places-logic';

const stamp = { createdAt: '2022-01-01T00:00:00.000Z', updatedAt: '2022-01-01T00:00:00.000Z', archived: false };
const site: Site = { id: 's1', code: 'SW', nameZh: '四維行政中心', nameEn: 'Siwei Administrative Center', address: '', ...stamp };
const building: Building = { id: 'b1', siteId: 's1', code: 'A', nameZh: '行政大樓', nameEn: '', ...stamp };
const floors: Floor[] = [
  { id: 'f3', buildingId: 'b1', name: '3F', level: 3, ...stamp },
  { id: 'fr', buildingId: 'b1', name: 'RF', level: 100, ...stamp },
  { id: 'fb', buildingId: 'b1', name: 'B1', level: -1, ...stamp },
  { id: 'f1', buildingId: 'b1', name: '1F', level: 1, ...stamp, archived: true },
];
const spaces: Space[] = [
  { id: 'r2', floorId: 'f3', code: '302', nameZh: '第二會議室', nameEn: 'Meeting room 2', kind: 'meeting_room', capacity: 20, ...stamp },
  { id: 'r1', floorId: 'f3', code: '301', nameZh: '市府第一會議室', nameEn: '', kind: 'meeting_room', capacity: 60, ...stamp },
  { id: 'lobby', floorId: 'f1', code: '', nameZh: '大廳', nameEn: 'Lobby', kind: 'atrium', capacity: null, ...stamp },
];
const index = indexPlaces({ sites: [site], buildings: [building], floors, spaces });

describe('place labels', () => {
  it('reads site / building / floor / space, in the user language with Chinese as fallback', () => {
    expect(placePath(index, 'r1', 'zh-TW')).toBe('四維行政中心 / 行政大樓 / 3F / 市府第一會議室');
    expect(placePath(index, 'r2', 'en')).toBe('Siwei Administrative Center / 行政大樓 / 3F / Meeting room 2');
    expect(placeKindPath(index, 'floor', 'fb', 'zh-TW')).toBe('四維行政中心 / 行政大樓 / B1');
  });

  it('shows an unknown space by its id rather than nothing', () => {
    expect(placePath(index, 'gone', 'zh-TW')).toBe('gone');
  });
});

describe('place tree', () => {
  it('orders floors by level from basement to roof, and spaces by code', () => {
    const [siteNode] = placeTree(index, 'zh-TW', true);
    const floorNodes = siteNode.children[0].children;
    expect(floorNodes.map((f) => f.title)).toEqual(['B1', '1F', '3F', 'RF']);
    expect(floorNodes[2].children.map((s) => s.title)).toEqual(['301 市府第一會議室', '302 第二會議室']);
  });

  it('leaves out an archived floor and its spaces unless archived ones are shown', () => {
    const floorNodes = placeTree(index, 'zh-TW', false)[0].children[0].children;
    expect(floorNodes.map((f) => f.title)).toEqual(['B1', '3F', 'RF']);
    expect(spaceOptions(index, 'zh-TW').map((o) => o.value)).toEqual(['r1', 'r2']);
  });

  it('keeps a space a record already holds among the options even when archived', () => {
    expect(spaceOptions(index, 'zh-TW', ['lobby']).map((o) => o.label)).toContain('四維行政中心 / 行政大樓 / 1F / 大廳');
  });
});

describe('finding a place in the tree', () => {
  it('keeps the matching spaces with the path down to them, by name or code', () => {
    const found = filterTree(placeTree(index, 'zh-TW', true), '302');
    expect(found[0].children[0].children.map((f) => f.title)).toEqual(['3F']);
    expect(found[0].children[0].children[0].children.map((s) => s.title)).toEqual(['302 第二會議室']);
    expect(filterTree(placeTree(index, 'zh-TW', true), '沒有這個')).toEqual([]);
  });
});
