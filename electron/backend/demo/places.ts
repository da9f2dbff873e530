/**
 * The demo's places: the two administrative centers and the staff dormitories, as a
 * tree of site → building → floor → space. Ids are derived from the codes, so every
 * workstation that loads the demo makes the very same records.
 */
import type { SpaceKind } from '../../../domain/entities';

export interface DemoSpace {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: SpaceKind;
  capacity?: number;
}

export interface DemoFloor {
  name: string;
  spaces?: DemoSpace[];
}

export interface DemoBuilding {
  code: string;
  nameZh: string;
  nameEn: string;
  floors: DemoFloor[];
}

export interface DemoSite {
  code: string;
  nameZh: string;
  nameEn: string;
  address: string;
  buildings: DemoBuilding[];
}

export const siteId = (site: string) => `demo-site-${site}`;
export const buildingId = (site: string, building: string) => `demo-building-${site}-${building}`;
export const floorId = (site: string, building: string, floor: string) => `demo-floor-${site}-${building}-${floor}`;
/** Space codes are unique within a site. */
export const spaceId = (site: string, space: string) => `demo-space-${site}-${space}`;

const floors = (...names: string[]): DemoFloor[] => names.map((name) => ({ name }));

/** 5F, 6F, … as written on the signs. */
function numbered(from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i <= to; i++) out.push(`${i}F`);
  return out;
}

export const DEMO_SITES: DemoSite[] = [
  {
    code: 'SW',
    nameZh: '四維行政中心',
    nameEn: 'Siwei Administrative Center',
    address: '高雄市苓雅區四維三路2號',
    buildings: [
      {
        code: 'M',
        nameZh: '行政大樓',
        nameEn: 'Administration Building',
        floors: [
          { name: 'B2', spaces: [{ code: 'P-B2', nameZh: '地下二樓停車場', nameEn: 'Basement 2 Car Park', kind: 'parking' }] },
          {
            name: 'B1',
            spaces: [
              { code: 'P-B1', nameZh: '地下一樓停車場', nameEn: 'Basement 1 Car Park', kind: 'parking' },
              { code: 'G-B1', nameZh: '公務車車庫', nameEn: 'Official Vehicle Garage', kind: 'garage' },
              { code: 'PR-B1', nameZh: '機電機房', nameEn: 'Electrical Plant Room', kind: 'plant_room' },
            ],
          },
          {
            name: '1F',
            spaces: [
              { code: 'AUD', nameZh: '大禮堂', nameEn: 'Auditorium', kind: 'auditorium', capacity: 800 },
              { code: 'ATR', nameZh: '中庭', nameEn: 'Atrium', kind: 'atrium', capacity: 300 },
              { code: 'SVC', nameZh: '聯合服務中心', nameEn: 'Service Center', kind: 'office' },
              { code: 'GRD', nameZh: '警衛室', nameEn: 'Guard Room', kind: 'other' },
            ],
          },
          {
            name: '2F',
            spaces: [
              { code: 'MR-201', nameZh: '市府第一會議室', nameEn: 'City Hall Meeting Room 1', kind: 'meeting_room', capacity: 120 },
              { code: 'MR-202', nameZh: '市府第二會議室', nameEn: 'City Hall Meeting Room 2', kind: 'meeting_room', capacity: 60 },
            ],
          },
          {
            name: '3F',
            spaces: [
              { code: 'MR-301', nameZh: '第三會議室', nameEn: 'Meeting Room 3', kind: 'meeting_room', capacity: 40 },
              { code: 'MR-302', nameZh: '第四會議室', nameEn: 'Meeting Room 4', kind: 'meeting_room', capacity: 30 },
            ],
          },
          { name: '4F', spaces: [{ code: 'MR-401', nameZh: '簡報室', nameEn: 'Briefing Room', kind: 'meeting_room', capacity: 50 }] },
          ...floors(...numbered(5, 9)),
          { name: '10F', spaces: [{ code: 'MR-1001', nameZh: '第五會議室', nameEn: 'Meeting Room 5', kind: 'meeting_room', capacity: 24 }] },
          { name: 'RF', spaces: [{ code: 'PR-RF', nameZh: '空調機房', nameEn: 'HVAC Plant Room', kind: 'plant_room' }] },
        ],
      },
      {
        code: 'O',
        nameZh: '戶外區',
        nameEn: 'Grounds',
        floors: [
          {
            name: '1F',
            spaces: [
              { code: 'P-OUT', nameZh: '平面停車場', nameEn: 'Open-air Car Park', kind: 'parking' },
              { code: 'MP-OUT', nameZh: '機車停車場', nameEn: 'Scooter Park', kind: 'parking' },
              { code: 'FB-OUT', nameZh: '花圃', nameEn: 'Flower Beds', kind: 'outdoor' },
            ],
          },
        ],
      },
    ],
  },
  {
    code: 'FS',
    nameZh: '鳳山行政中心',
    nameEn: 'Fengshan Administrative Center',
    address: '高雄市鳳山區光復路二段132號',
    buildings: [
      {
        code: 'F',
        nameZh: '前棟',
        nameEn: 'Front Building',
        floors: [
          {
            name: 'B1',
            spaces: [
              { code: 'P-FB1', nameZh: '前棟地下停車場', nameEn: 'Front Building Car Park', kind: 'parking' },
              { code: 'PR-FB1', nameZh: '前棟機電機房', nameEn: 'Front Building Plant Room', kind: 'plant_room' },
            ],
          },
          { name: '1F', spaces: [{ code: 'ATR-F', nameZh: '前棟大廳展覽區', nameEn: 'Front Lobby Exhibition Area', kind: 'atrium', capacity: 120 }] },
          { name: '2F', spaces: [{ code: 'MR-F201', nameZh: '鳳山第一會議室', nameEn: 'Fengshan Meeting Room 1', kind: 'meeting_room', capacity: 80 }] },
          { name: '3F', spaces: [{ code: 'MR-F301', nameZh: '鳳山第二會議室', nameEn: 'Fengshan Meeting Room 2', kind: 'meeting_room', capacity: 40 }] },
          { name: '4F' },
          { name: '5F', spaces: [{ code: 'AUD-F', nameZh: '鳳山禮堂', nameEn: 'Fengshan Auditorium', kind: 'auditorium', capacity: 300 }] },
        ],
      },
      {
        code: 'B',
        nameZh: '後棟',
        nameEn: 'Back Building',
        floors: [
          {
            name: 'B1',
            spaces: [
              { code: 'G-BB1', nameZh: '後棟公務車車庫', nameEn: 'Back Building Vehicle Garage', kind: 'garage' },
              { code: 'P-BB1', nameZh: '後棟地下停車場', nameEn: 'Back Building Car Park', kind: 'parking' },
            ],
          },
          { name: '1F' },
          { name: '2F', spaces: [{ code: 'MR-B201', nameZh: '鳳山第三會議室', nameEn: 'Fengshan Meeting Room 3', kind: 'meeting_room', capacity: 30 }] },
          ...floors('3F', '4F', '5F', '6F'),
          { name: '7F', spaces: [{ code: 'MR-B701', nameZh: '鳳山第四會議室', nameEn: 'Fengshan Meeting Room 4', kind: 'meeting_room', capacity: 50 }] },
          { name: 'RF', spaces: [{ code: 'PR-BRF', nameZh: '後棟空調機房', nameEn: 'Back Building HVAC Plant Room', kind: 'plant_room' }] },
        ],
      },
      {
        code: 'O',
        nameZh: '戶外區',
        nameEn: 'Grounds',
        floors: [{ name: '1F', spaces: [{ code: 'P-FOUT', nameZh: '鳳山平面停車場', nameEn: 'Fengshan Open-air Car Park', kind: 'parking' }] }],
      },
    ],
  },
  {
    code: 'DM',
    nameZh: '市府員工宿舍',
    nameEn: 'Staff Dormitories',
    address: '高雄市苓雅區三多一路',
    buildings: [
      {
        code: 'LY',
        nameZh: '苓雅眷舍',
        nameEn: 'Lingya Staff Housing',
        floors: [
          {
            name: '1F',
            spaces: [
              { code: 'DM-LY1', nameZh: '眷舍甲棟', nameEn: 'Staff Housing A', kind: 'dormitory' },
              { code: 'DM-LY2', nameZh: '眷舍乙棟', nameEn: 'Staff Housing B', kind: 'dormitory' },
              { code: 'FB-LY', nameZh: '眷舍花圃', nameEn: 'Staff Housing Flower Beds', kind: 'outdoor' },
            ],
          },
        ],
      },
      {
        code: 'FSD',
        nameZh: '鳳山員工宿舍',
        nameEn: 'Fengshan Staff Dormitory',
        floors: [
          {
            name: '1F',
            spaces: [
              { code: 'DM-FS1', nameZh: '員工宿舍', nameEn: 'Staff Dormitory', kind: 'dormitory', capacity: 40 },
              { code: 'FB-FS', nameZh: '宿舍花圃', nameEn: 'Dormitory Flower Beds', kind: 'outdoor' },
              { code: 'LOW-FS', nameZh: '宿舍後方空地', nameEn: 'Yard Behind the Dormitory', kind: 'outdoor' },
            ],
          },
          ...floors('2F', '3F'),
        ],
      },
    ],
  },
];
