/** Roles (角色) a user may hold; a person may hold several. */
export const ROLES = [
  'admin', // 系統管理者: users, workstations, reference data
  'supervisor', // 主管: sign off, override, the period report
  'maintenance_clerk', // 維修承辦
  'technician', // 技術人員
  'dispatcher', // 派車承辦
  'venue_clerk', // 場地承辦
  'parking_clerk', // 停車證承辦
  'guard', // 警衛: look up a plate, change nothing
  'viewer', // 檢視者: change nothing
  'agency_requester', // 機關申請人: files its own agency's trip requests on the LAN page and reads their state
] as const;

export type Role = (typeof ROLES)[number];

export function holdsAny(userRoles: readonly Role[], allowed: readonly Role[]): boolean {
  return userRoles.some((r) => allowed.includes(r));
}
