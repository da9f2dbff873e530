/**
 * The sync server's own TLS certificate: made on first start (self-signed, ten years) and
 * kept in its data folder, so workstations that pinned its fingerprint when they joined
 * keep trusting it. The key file is readable by the server's user only. Replacing the
 * files (or deleting them, to make new ones) changes the fingerprint: every workstation
 * then refuses the server until an administrator re-pins it there.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';

export const CERT_FILE = 'tls-cert.pem';
export const KEY_FILE = 'tls-key.pem';

export interface ServerCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, as pairs of hex digits: "AB:12:…" (what `fingerprint` prints). */
  fingerprint: string;
  /** True when this start made it. */
  created: boolean;
}

export const fingerprintOf = (pem: string): string => new crypto.X509Certificate(pem).fingerprint256;

/** The names and addresses the certificate is made out to (the pin, not these, is what workstations check). */
function altNames() {
  const ips = new Set(['127.0.0.1']);
  for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4') ips.add(a.address);
  return [{ type: 2 as const, value: 'localhost' }, { type: 2 as const, value: os.hostname() }, ...[...ips].map((ip) => ({ type: 7 as const, ip }))];
}

export async function loadOrCreateCertificate(dir: string): Promise<ServerCertificate> {
  const certFile = path.join(dir, CERT_FILE);
  const keyFile = path.join(dir, KEY_FILE);
  if (fs.existsSync(certFile) || fs.existsSync(keyFile)) {
    const cert = fs.readFileSync(certFile, 'utf8');
    const key = fs.readFileSync(keyFile, 'utf8');
    // A certificate and a key that do not belong together would fail every handshake: say so now.
    if (!new crypto.X509Certificate(cert).checkPrivateKey(crypto.createPrivateKey(key))) throw new Error(`${keyFile} is not the key of ${certFile}`);
    return { cert, key, fingerprint: fingerprintOf(cert), created: false };
  }
  fs.mkdirSync(dir, { recursive: true });
  const notAfter = new Date();
  notAfter.setFullYear(notAfter.getFullYear() + 10);
  const made = await generate([{ name: 'commonName', value: `GA Desk sync server (${os.hostname()})` }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: altNames() },
    ],
  });
  fs.writeFileSync(keyFile, made.private, { mode: 0o600 });
  fs.writeFileSync(certFile, made.cert, { mode: 0o644 });
  return { cert: made.cert, key: made.private, fingerprint: fingerprintOf(made.cert), created: true };
}
