/** Messages of the settings area. zh-TW first; English must carry every key. */
export const settingsZh = {
} as const;

export const settingsEn: Record<keyof typeof settingsZh, string> = {
};
