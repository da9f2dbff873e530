/** Messages of the backend area. zh-TW first; English must carry every key. */
export const backendZh = {
  'demo.notEmpty': '這個資料夾已經有資料，示範資料只能載入空白的資料夾',
} as const;

export const backendEn: Record<keyof typeof backendZh, string> = {
  'demo.notEmpty': 'This data folder already has data; demo data can only be loaded into an empty one',
};
