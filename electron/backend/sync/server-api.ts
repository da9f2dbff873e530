/**
 * The sync server's HTTP API as the workstation calls it: typed by the shared protocol
 * (domain/sync-protocol.ts), with a timeout on every call. Failures become a
 * `ServerError` with the server's stable code, or `unreachable` when no answer came.
 */
import { PROTOCOL_VERSION, SCHEMA_VERSION, enrollResponse, leaseResponse, loginResponse, pullResponse, pushResponse, type PullResponse, type PushResponse } from '../../../domain/sync-protocol';
import { z } from 'zod';
import type { NumberKind } from '../../../domain/numbering';
import { CertificateChangedError, peekCertificate, pinnedTls, request, type Pin } from './pinned-tls';

export class ServerError extends Error {
  constructor(
    /** The server's stable code (auth.revoked, sync.updateRequired…), or 'unreachable'. */
    readonly code: string,
    readonly status: number,
    message: string,
    /** What the words need: the fingerprints of a changed certificate, the seconds of a 429. */
    readonly detail: { pinned?: string; presented?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

export interface PushedMutation {
  mutationId: number;
  name: string;
  args: unknown;
  at: string;
  userId: string;
}

/**
 * A pull reply checked in full except each record's fields: the server is trusted once
 * the device is enrolled, and a deep check of 100,000 records costs a first sync
 * seconds. What protects the local database stays: every change names a kind and an
 * id as text, and carries an object or null (rebase.ts ignores kinds it does not know,
 * and the table's columns and constraints take the rest).
 */
const pullEnvelope = pullResponse.extend({ changes: z.array(z.unknown()) });

function isChange(c: unknown): c is PullResponse['changes'][number] {
  if (typeof c !== 'object' || c === null) return false;
  const { seq, kind, id, op, data } = c as Record<string, unknown>;
  return typeof seq === 'number' && typeof kind === 'string' && typeof id === 'string' && (op === 'put' || op === 'delete') && typeof data === 'object' && !Array.isArray(data);
}

/** A poke that carries the changes after cursor `from`, up to `to`. */
export interface PokedChanges {
  from: string;
  to: string;
  changes: PullResponse['changes'];
}

/** The changes a poke carries, or null: a bare poke, or one not understood (pull then). */
export function pokedChanges(message: string): PokedChanges | null {
  let m: unknown;
  try {
    m = JSON.parse(message);
  } catch {
    return null;
  }
  if (typeof m !== 'object' || m === null) return null;
  const { type, from, to, changes } = m as Record<string, unknown>;
  if (type !== 'poke' || typeof from !== 'string' || typeof to !== 'string' || !Array.isArray(changes) || !changes.every(isChange)) return null;
  return { from, to, changes };
}

export const VERSIONS = { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION };

export class SyncServerApi {
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 15_000,
    /** A workstation pinned to an older protocol (tests of version handling). */
    private readonly versions: { protocolVersion: number; schemaVersion: number } = VERSIONS,
    /** The certificate an https:// server must present (pinned when this workstation joined). */
    private readonly pin: () => Pin | null = () => null,
  ) {}

  /** A failed request in the workstation's words: a changed certificate is told apart from a network failure. */
  private async failure(e: unknown): Promise<ServerError> {
    const pin = this.pin();
    if (pin && this.baseUrl.startsWith('https:')) {
      const presented =
        e instanceof CertificateChangedError
          ? e.presented
          : await peekCertificate(this.baseUrl).then(
              (p) => p.fingerprint,
              () => null,
            );
      if (presented && presented !== pin.fingerprint)
        return new ServerError('sync.certificateChanged', 0, new CertificateChangedError(pin.fingerprint, presented).message, { pinned: pin.fingerprint, presented });
    }
    return new ServerError('unreachable', 0, e instanceof Error ? e.message : String(e));
  }

  private async call<S extends z.ZodType>(path: string, body: unknown, token: string | null, schema: S): Promise<z.output<S>> {
    let res: Response;
    try {
      res = await request(
        `${this.baseUrl}${path}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(this.timeoutMs),
        },
        this.pin(),
      );
    } catch (e) {
      throw await this.failure(e);
    }
    const payload = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    if (!res.ok) {
      const retryAfter = Number(res.headers.get('retry-after'));
      throw new ServerError(String(payload?.code ?? `http.${res.status}`), res.status, String(payload?.message ?? res.statusText), retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {});
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new ServerError('sync.badReply', res.status, `unexpected reply to ${path}`);
    return parsed.data;
  }

  /** TLS options of the live connection (/events): the pinned certificate only. */
  socketTls() {
    const pin = this.pin();
    return pin && this.baseUrl.startsWith('https:') ? pinnedTls(pin) : {};
  }

  login(username: string, password: string) {
    return this.call('/login', { username, password }, null, loginResponse);
  }

  enroll(userToken: string, name: string) {
    return this.call('/devices', { name }, userToken, enrollResponse);
  }

  push(deviceToken: string, clientId: string, mutations: PushedMutation[]): Promise<PushResponse> {
    return this.call('/push', { clientId, ...this.versions, mutations }, deviceToken, pushResponse);
  }

  async pull(deviceToken: string, clientId: string, cursor: string, limit: number): Promise<PullResponse> {
    const page = await this.call('/pull', { clientId, ...this.versions, cursor, limit }, deviceToken, pullEnvelope);
    if (!page.changes.every(isChange)) throw new ServerError('sync.badReply', 200, 'unexpected reply to /pull: a change is not {seq, kind, id, op, data}');
    return page as PullResponse;
  }

  /** `requestId`: the same for every retry of one block wanted, so a lost reply costs no numbers. */
  lease(deviceToken: string, clientId: string, kind: NumberKind, year: number, count: number, requestId: string) {
    return this.call('/leases', { clientId, ...this.versions, kind, year, count, requestId }, deviceToken, leaseResponse);
  }

  /** Uploads a file under its SHA-256 (idempotent: the server keeps one copy). */
  async putAttachment(deviceToken: string, sha256: string, data: Buffer): Promise<void> {
    const res = await this.raw(`/attachments/${sha256}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${deviceToken}` },
      body: new Uint8Array(data),
    });
    if (!res.ok) {
      const payload = (await res.json().catch(() => null)) as Record<string, unknown> | null;
      throw new ServerError(String(payload?.code ?? `http.${res.status}`), res.status, String(payload?.message ?? res.statusText));
    }
  }

  /** A file another workstation attached; null when the server does not have it. */
  async getAttachment(deviceToken: string, sha256: string): Promise<Buffer | null> {
    const res = await this.raw(`/attachments/${sha256}`, { method: 'GET', headers: { authorization: `Bearer ${deviceToken}` } });
    if (res.status === 404) return null;
    if (!res.ok) throw new ServerError(`http.${res.status}`, res.status, res.statusText);
    return Buffer.from(await res.arrayBuffer());
  }

  private async raw(path: string, init: { method: string; headers: Record<string, string>; body?: Uint8Array }): Promise<Response> {
    try {
      return await request(`${this.baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(this.timeoutMs) }, this.pin());
    } catch (e) {
      throw await this.failure(e);
    }
  }
}
