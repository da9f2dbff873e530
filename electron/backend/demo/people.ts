/**
 * The demo's people (all made up) and one user for each role. The passwords are for the
 * demo only and are listed in README.md beside this file.
 */
import type { PersonKind } from '../../../domain/entities';
import type { Role } from '../../../domain/roles';

export interface DemoPerson {
  handle: string;
  name: string;
  kind: PersonKind;
  /** Agency code (agencies.ts), or null for a contractor's or security company's people. */
  agency: string | null;
  company?: string;
  title: string;
  phoneExt?: string;
  phone?: string;
  email?: string;
}

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
  /** The person (handle) this user is. */
  person: string;
}

export const personId = (handle: string) => `demo-person-${handle}`;
export const userId = (username: string) => `demo-user-${username}`;

export const DEMO_PEOPLE: DemoPerson[] = [
  // The general-affairs section of the Secretariat: the desks' own staff.
  { handle: 'chen-zhiming', name: '陳志明', kind: 'staff', agency: 'SEC', title: '資訊管理師', phoneExt: '2100', email: 'zhiming.chen@example.org' },
  { handle: 'lin-shufen', name: '林淑芬', kind: 'staff', agency: 'SEC', title: '科長', phoneExt: '2101', email: 'shufen.lin@example.org' },
  { handle: 'wang-jianguo', name: '王建國', kind: 'staff', agency: 'SEC', title: '維修承辦人', phoneExt: '2111' },
  { handle: 'li-meiling', name: '李美玲', kind: 'staff', agency: 'SEC', title: '派車承辦人', phoneExt: '2121' },
  { handle: 'huang-yijun', name: '黃怡君', kind: 'staff', agency: 'SEC', title: '場地承辦人', phoneExt: '2131' },
  { handle: 'wu-jiahao', name: '吳家豪', kind: 'staff', agency: 'SEC', title: '停車證承辦人', phoneExt: '2141' },
  { handle: 'cai-peishan', name: '蔡佩珊', kind: 'staff', agency: 'SEC', title: '科員', phoneExt: '2150' },
  // Contacts at agencies that ask for repairs, rooms and cars.
  { handle: 'zhou-yating', name: '周雅婷', kind: 'staff', agency: 'CAB', title: '科員', phoneExt: '3201' },
  { handle: 'zheng-yuxiang', name: '鄭宇翔', kind: 'staff', agency: 'SAB', title: '專員', phoneExt: '3512' },
  { handle: 'xu-huimin', name: '徐慧敏', kind: 'staff', agency: 'LAB', title: '秘書', phone: '07-7995123' },
  // Technicians of the section.
  { handle: 'zhang-wenxiong', name: '張文雄', kind: 'technician', agency: 'SEC', title: '水電技工', phoneExt: '2161', phone: '0912-345-678' },
  { handle: 'xu-zhiwei', name: '許志偉', kind: 'technician', agency: 'SEC', title: '空調技工', phoneExt: '2162' },
  { handle: 'yang-mingzhe', name: '楊明哲', kind: 'technician', agency: 'SEC', title: '土木技工', phoneExt: '2163' },
  // Contractors' people.
  { handle: 'guo-junjie', name: '郭俊傑', kind: 'contractor', agency: null, company: '永昇電梯股份有限公司', title: '電梯保養技師', phone: '07-5551234' },
  { handle: 'xie-zonghan', name: '謝宗翰', kind: 'contractor', agency: null, company: '冠冷空調工程有限公司', title: '空調維護工程師', phone: '07-5552345' },
  { handle: 'hong-xiuying', name: '洪秀英', kind: 'contractor', agency: null, company: '安順消防設備有限公司', title: '消防設備師', phone: '07-5553456' },
  { handle: 'zeng-guohua', name: '曾國華', kind: 'contractor', agency: null, company: '大成水電行', title: '水電師傅', phone: '0933-222-111' },
  // Drivers of the dispatch pool.
  { handle: 'zhao-zhicheng', name: '趙志成', kind: 'driver', agency: 'SEC', title: '駕駛', phoneExt: '2171' },
  { handle: 'sun-jianmin', name: '孫建民', kind: 'driver', agency: 'SEC', title: '駕駛', phoneExt: '2172' },
  { handle: 'ma-yongfu', name: '馬永福', kind: 'driver', agency: 'SEC', title: '駕駛', phoneExt: '2173' },
  // Guards at the gates, from the security company.
  { handle: 'liu-guoqiang', name: '劉國強', kind: 'guard', agency: null, company: '光明保全股份有限公司', title: '警衛', phoneExt: '2000' },
  { handle: 'he-junxian', name: '何俊賢', kind: 'guard', agency: null, company: '光明保全股份有限公司', title: '警衛', phoneExt: '2000' },
  { handle: 'luo-zhihao', name: '羅志豪', kind: 'guard', agency: null, company: '光明保全股份有限公司', title: '警衛', phoneExt: '6000' },
];

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '陳志明', roles: ['admin'], password: 'demo-admin', person: 'chen-zhiming' },
  { username: 'supervisor', displayName: '林淑芬', roles: ['supervisor'], password: 'demo-supervisor', person: 'lin-shufen' },
  { username: 'maint', displayName: '王建國', roles: ['maintenance_clerk'], password: 'demo-maint', person: 'wang-jianguo' },
  { username: 'tech', displayName: '張文雄', roles: ['technician'], password: 'demo-tech', person: 'zhang-wenxiong' },
  { username: 'dispatch', displayName: '李美玲', roles: ['dispatcher'], password: 'demo-dispatch', person: 'li-meiling' },
  { username: 'venue', displayName: '黃怡君', roles: ['venue_clerk'], password: 'demo-venue', person: 'huang-yijun' },
  { username: 'parking', displayName: '吳家豪', roles: ['parking_clerk'], password: 'demo-parking', person: 'wu-jiahao' },
  { username: 'guard', displayName: '劉國強', roles: ['guard'], password: 'demo-guard', person: 'liu-guoqiang' },
  { username: 'viewer', displayName: '蔡佩珊', roles: ['viewer'], password: 'demo-viewer', person: 'cai-peishan' },
  // An agency's own account for the sync server's online trip request page.
  { username: 'agency', displayName: '周雅婷', roles: ['agency_requester'], password: 'demo-agency', person: 'zhou-yating' },
];
