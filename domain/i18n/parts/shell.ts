/** Messages of the shell area. zh-TW first; English must carry every key. */
export const shellZh = {
} as const;

export const shellEn: Record<keyof typeof shellZh, string> = {
};
