/** The sync server's pinned certificate, re-pinning it, and the server's sign-in limits, as the workstation says them. */
export const securityZh = {
  'sync.error.certificateChanged':
    '同步伺服器的憑證已變更，為安全起見已停止同步（資料仍存在本機，不會遺失）。原憑證指紋 {pinned}，現在是 {presented}。若系統管理者確認伺服器換了憑證，請由系統管理者在「設定 › 同步」重新信任',
  'sync.tls.fingerprint': '伺服器憑證指紋（SHA-256）',
  'sync.tls.confirm': '此伺服器的憑證指紋如下。請與系統管理者在伺服器上讀出的指紋（npm run server -- fingerprint）逐字核對，一致才加入：{fingerprint}',
  'sync.tls.confirmJoin': '指紋一致，加入',
  'sync.tls.mismatch': '伺服器現在出示的憑證與確認的指紋不同，未加入也未變更；請重新核對',
  'sync.tls.unreadable': '無法讀取伺服器的憑證：{message}',
  'sync.repin.title': '重新信任伺服器憑證',
  'sync.repin.button': '重新信任憑證…',
  'sync.repin.body': '原信任的指紋：{pinned}\n伺服器現在的指紋：{presented}\n請與伺服器上讀出的指紋核對；一致才按「信任新憑證」。',
  'sync.repin.confirm': '信任新憑證',
  'sync.repin.same': '伺服器的憑證沒有變更，不需重新信任',
  'sync.repin.done': '已信任新憑證，重新同步中',
  'login.tooManyAtServer': '登入嘗試過多，伺服器暫停此帳號登入，請 {minutes} 分鐘後再試',
};

export const securityEn: Record<keyof typeof securityZh, string> = {
  'sync.error.certificateChanged':
    "The sync server's certificate has changed, so syncing stopped for safety (your work stays on this workstation and is not lost). Pinned fingerprint {pinned}, now {presented}. If an administrator confirms the server got a new certificate, they re-pin it in Settings › Sync",
  'sync.tls.fingerprint': 'Server certificate fingerprint (SHA-256)',
  'sync.tls.confirm':
    "This server's certificate fingerprint is below. Compare it character by character with the one the administrator reads on the server (npm run server -- fingerprint); join only if they match: {fingerprint}",
  'sync.tls.confirmJoin': 'Fingerprints match, join',
  'sync.tls.mismatch': 'The server now presents another certificate than the fingerprint confirmed; nothing was joined or changed. Compare again',
  'sync.tls.unreadable': "The server's certificate cannot be read: {message}",
  'sync.repin.title': "Re-pin the server's certificate",
  'sync.repin.button': 'Re-pin certificate…',
  'sync.repin.body': 'Pinned fingerprint: {pinned}\nThe server now presents: {presented}\nCompare it with the one read on the server; trust it only if they match.',
  'sync.repin.confirm': 'Trust the new certificate',
  'sync.repin.same': "The server's certificate has not changed; nothing to re-pin",
  'sync.repin.done': 'The new certificate is trusted; syncing again',
  'login.tooManyAtServer': 'Too many sign-in attempts: the server has paused sign-in for this account. Try again in {minutes} min',
};
