/**
 * The demo's agencies (機關) of the city government, each with an office at one of the
 * two centers. Codes are the demo's own; ids derive from them.
 */
export interface DemoAgency {
  code: string;
  nameZh: string;
  nameEn: string;
  shortName: string;
  phone: string;
  /** Where its office is: site, building, floor (as in places.ts). */
  office: [site: string, building: string, floor: string];
}

export const agencyId = (code: string) => `demo-agency-${code}`;
/** The office space made for an agency, on the floor named in `office`. */
export const officeCode = (code: string) => `OF-${code}`;

type Row = [code: string, nameZh: string, nameEn: string, shortName: string, office: DemoAgency['office']];

const rows: Row[] = [
  ['SEC', '秘書處', 'Secretariat', '秘書處', ['SW', 'M', '3F']],
  ['PER', '人事處', 'Department of Personnel', '人事處', ['SW', 'M', '3F']],
  ['CAB', '民政局', 'Civil Affairs Bureau', '民政局', ['SW', 'M', '4F']],
  ['LEG', '法制局', 'Legal Affairs Bureau', '法制局', ['SW', 'M', '4F']],
  ['FIN', '財政局', 'Finance Bureau', '財政局', ['SW', 'M', '5F']],
  ['BAS', '主計處', 'Department of Budget, Accounting and Statistics', '主計處', ['SW', 'M', '5F']],
  ['SAB', '社會局', 'Social Affairs Bureau', '社會局', ['SW', 'M', '6F']],
  ['ETH', '政風處', 'Department of Civil Service Ethics', '政風處', ['SW', 'M', '6F']],
  ['UDB', '都市發展局', 'Urban Development Bureau', '都發局', ['SW', 'M', '7F']],
  ['RDE', '研究發展考核委員會', 'Research, Development and Evaluation Commission', '研考會', ['SW', 'M', '7F']],
  ['IND', '原住民事務委員會', 'Indigenous Affairs Commission', '原民會', ['SW', 'M', '7F']],
  ['HAK', '客家事務委員會', 'Hakka Affairs Commission', '客委會', ['SW', 'M', '7F']],
  ['PWB', '工務局', 'Public Works Bureau', '工務局', ['SW', 'M', '8F']],
  ['INF', '新聞局', 'Information Bureau', '新聞局', ['SW', 'M', '8F']],
  ['MRT', '捷運工程局', 'Mass Rapid Transit Bureau', '捷運局', ['SW', 'M', '8F']],
  ['EDU', '教育局', 'Education Bureau', '教育局', ['SW', 'M', '9F']],
  ['YOU', '青年局', 'Youth Bureau', '青年局', ['SW', 'M', '9F']],
  ['SPO', '運動發展局', 'Sports Development Bureau', '運發局', ['SW', 'M', '10F']],
  ['EDB', '經濟發展局', 'Economic Development Bureau', '經發局', ['SW', 'M', '10F']],
  ['LIB', '市立圖書館', 'City Public Library', '市圖', ['FS', 'F', '1F']],
  ['LAB', '勞工局', 'Labor Affairs Bureau', '勞工局', ['FS', 'F', '2F']],
  ['LAN', '地政局', 'Land Administration Bureau', '地政局', ['FS', 'F', '3F']],
  ['CUL', '文化局', 'Cultural Affairs Bureau', '文化局', ['FS', 'F', '4F']],
  ['TOU', '觀光局', 'Tourism Bureau', '觀光局', ['FS', 'F', '4F']],
  ['TRA', '交通局', 'Transportation Bureau', '交通局', ['FS', 'B', '1F']],
  ['EPB', '環境保護局', 'Environmental Protection Bureau', '環保局', ['FS', 'B', '2F']],
  ['POL', '警察局', 'Police Department', '警察局', ['FS', 'B', '3F']],
  ['FIR', '消防局', 'Fire Bureau', '消防局', ['FS', 'B', '3F']],
  ['HLT', '衛生局', 'Department of Health', '衛生局', ['FS', 'B', '4F']],
  ['AGR', '農業局', 'Agriculture Bureau', '農業局', ['FS', 'B', '5F']],
  ['WRB', '水利局', 'Water Resources Bureau', '水利局', ['FS', 'B', '6F']],
  ['MAR', '海洋局', 'Marine Bureau', '海洋局', ['FS', 'B', '6F']],
];

// Demo phone numbers: the two centers' switchboards with made-up direct lines.
export const DEMO_AGENCIES: DemoAgency[] = rows.map(([code, nameZh, nameEn, shortName, office], i) => ({
  code,
  nameZh,
  nameEn,
  shortName,
  phone: office[0] === 'SW' ? `07-33${String(68100 + i * 10)}` : `07-79${String(95100 + i * 10)}`,
  office,
}));
