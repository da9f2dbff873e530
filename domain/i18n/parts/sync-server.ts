/** Refusals the sync server sends back as data (problem codes), rendered on the workstation. */
export const syncServerZh = {
  'error.attachmentMissing': '有 {count} 個附件沒有傳到伺服器，請重新送出',
};

export const syncServerEn: Record<keyof typeof syncServerZh, string> = {
  'error.attachmentMissing': '{count} attached file(s) did not reach the server; please send again',
};
