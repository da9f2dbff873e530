/** The sync server's pinned certificate, kept in the workstation's meta table (never synced). */
import type { Db } from '../../../db/open';
import { getMeta, setMeta } from '../../../db/meta';
import type { Pin } from './pinned-tls';

export function pinnedCertificate(db: Db): Pin | null {
  const cert = getMeta(db, 'serverCertificate');
  const fingerprint = getMeta(db, 'serverFingerprint');
  return cert && fingerprint ? { cert, fingerprint } : null;
}

export function pinCertificate(db: Db, pin: Pin): void {
  db.$client.transaction(() => {
    setMeta(db, 'serverCertificate', pin.cert);
    setMeta(db, 'serverFingerprint', pin.fingerprint);
  })();
}
