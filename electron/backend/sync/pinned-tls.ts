/**
 * HTTPS to the sync server with its certificate pinned. The server makes its own
 * certificate (no authority vouches for it), so the workstation trusts exactly the one
 * it saw when it joined: the administrator compared its fingerprint with the one the
 * server prints, the workstation kept the certificate, and from then on a handshake
 * succeeds only with that certificate. Any other is refused before a byte of the request
 * (token, outbox) is sent.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';

export interface Pin {
  /** SHA-256 of the certificate, "AB:12:…". */
  fingerprint: string;
  /** The certificate itself (PEM), the only one trusted. */
  cert: string;
}

export const fingerprintOf = (pem: string): string => new crypto.X509Certificate(pem).fingerprint256;

/** The server presents another certificate than the pinned one. */
export class CertificateChangedError extends Error {
  constructor(
    readonly pinned: string,
    readonly presented: string,
  ) {
    super(`the server's certificate changed: pinned ${pinned}, presented ${presented}`);
    this.name = 'CertificateChangedError';
  }
}

/** TLS options that accept the pinned certificate only (any host name: the pin is the identity). */
export function pinnedTls(pin: Pin): tls.ConnectionOptions {
  return {
    ca: [pin.cert],
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
    checkServerIdentity: (_host, cert) => (cert.fingerprint256 === pin.fingerprint ? undefined : new CertificateChangedError(pin.fingerprint, cert.fingerprint256)),
  };
}

/** Reads the certificate a server presents, trusting nothing (joining, and telling a changed certificate from a failed network). */
export function peekCertificate(baseUrl: string, timeoutMs = 5000): Promise<Pin> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: url.hostname, port: Number(url.port || 443), servername: net(url.hostname) ? undefined : url.hostname, rejectUnauthorized: false, timeout: timeoutMs }, () => {
      const raw = socket.getPeerCertificate(true)?.raw;
      socket.end();
      if (!raw) return reject(new Error('the server presented no certificate'));
      const cert = new crypto.X509Certificate(raw).toString();
      resolve({ cert, fingerprint: fingerprintOf(cert) });
    });
    socket.on('timeout', () => socket.destroy(new Error(`no TLS answer within ${timeoutMs} ms`)));
    socket.on('error', reject);
  });
}

const net = (host: string) => /^[\d.]+$/.test(host) || host.includes(':');

export interface RequestInit {
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  signal?: AbortSignal;
}

/**
 * fetch's answer for one request: over HTTPS with the pin when there is one, plain HTTP
 * for an http:// server. An https:// server without a pin is refused: nothing unpinned
 * gets the device token.
 */
export function request(target: string, init: RequestInit, pin: Pin | null): Promise<Response> {
  const url = new URL(target);
  if (url.protocol === 'https:' && !pin) return Promise.reject(new Error('the server is not pinned: join it again'));
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(url, { method: init.method, headers: init.headers, signal: init.signal, ...(url.protocol === 'https:' ? { ...pinnedTls(pin!), agent: false } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const status = res.statusCode ?? 500;
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
        const body = status === 204 || status === 304 || chunks.length === 0 ? null : Buffer.concat(chunks);
        resolve(new Response(body, { status, statusText: res.statusMessage ?? '', headers }));
      });
    });
    req.on('error', reject);
    req.end(init.body);
  });
}
