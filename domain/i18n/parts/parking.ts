/**
 * Messages of the parking desk. zh-TW first; English must carry every key. The desk's
 * screens add their own keys under `parking.ui.*`.
 */
export const parkingZh = {
  'kind.parkingArea': '停車場區',
  'kind.permit': '停車證',
  'kind.permitPlate': '停車證車牌',

  'field.capacityCar': '汽車車位數',
  'field.capacityMotorcycle': '機車車位數',
  'field.permitTypes': '受理的停車證種類',
  'field.areaId': '停車場區',
  'field.holderPersonId': '持證人',
  'field.holderAgencyId': '持證人機關',
  'field.holderName': '持證人姓名',
  'field.holderTitle': '職稱',
  'field.plates': '車牌號碼',
  'field.vehicleType': '車種',
  'field.validFrom': '有效期間（起）',
  'field.validTo': '有效期間（迄）',
  'field.issuedOn': '發證日期',
  'field.newId': '新證識別碼',

  'parking.type.annual': '年度停車證',
  'parking.type.temporary': '臨時停車證',
  'parking.vehicle.car': '汽車',
  'parking.vehicle.motorcycle': '機車',
  'parking.status.valid': '有效',
  'parking.status.revoked': '已作廢',
  'parking.status.replaced': '已遺失補發',

  'parking.error.plate': '「{value}」不是車牌號碼',
  'parking.error.plateTwice': '同一張停車證的車牌不能重複',
  'parking.error.plateHeld': '車牌 {plate} 已有同一園區的有效停車證 {number}（{from} 至 {to}），期間重疊',
  'parking.error.areaType': '這個停車場區不受理{type}',
  'parking.error.notParking': '空間「{name}」不是停車場',
  'parking.error.notValid': '停車證 {number} {status}，不能再變更',
  'parking.error.days': '臨時停車證的期間須在 {max} 天以內，且迄日不早於起日',
} as const;

export const parkingEn: Record<keyof typeof parkingZh, string> = {
  'kind.parkingArea': 'parking area',
  'kind.permit': 'parking permit',
  'kind.permitPlate': 'permit plate',

  'field.capacityCar': 'Car spaces',
  'field.capacityMotorcycle': 'Motorcycle spaces',
  'field.permitTypes': 'Permits accepted',
  'field.areaId': 'Parking area',
  'field.holderPersonId': 'Holder',
  'field.holderAgencyId': "Holder's agency",
  'field.holderName': "Holder's name",
  'field.holderTitle': 'Title',
  'field.plates': 'Plates',
  'field.vehicleType': 'Vehicle type',
  'field.validFrom': 'Valid from',
  'field.validTo': 'Valid to',
  'field.issuedOn': 'Issued on',
  'field.newId': 'New permit id',

  'parking.type.annual': 'annual permit',
  'parking.type.temporary': 'temporary permit',
  'parking.vehicle.car': 'Car',
  'parking.vehicle.motorcycle': 'Motorcycle',
  'parking.status.valid': 'valid',
  'parking.status.revoked': 'revoked',
  'parking.status.replaced': 'lost and replaced',

  'parking.error.plate': '"{value}" is not a plate number',
  'parking.error.plateTwice': 'A plate appears twice on the permit',
  'parking.error.plateHeld': 'Plate {plate} already holds valid permit {number} of this site ({from} to {to}) for some of these days',
  'parking.error.areaType': 'This parking area does not take {type}s',
  'parking.error.notParking': 'Space "{name}" is not a car park',
  'parking.error.notValid': 'Permit {number} is {status} and can no longer change',
  'parking.error.days': 'A temporary permit runs {max} days at most, and ends no earlier than it starts',
};
