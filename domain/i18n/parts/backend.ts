/** Messages of the backend area. zh-TW first; English must carry every key. */
export const backendZh = {
} as const;

export const backendEn: Record<keyof typeof backendZh, string> = {
};
