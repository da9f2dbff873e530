/**
 * The renderer's only door to the backend, typed from domain/api.ts. In Electron the
 * preload provides window.api; in the browser shell the same calls go over loopback
 * HTTP (POST /api/<name>) and events over a WebSocket, both carrying the per-launch
 * secret that came in the URL's fragment (#k=…; a fragment never reaches a server log).
 */
import type { ApiArgs, ApiEvent, ApiName, ApiResults, WorkstationApi } from '../../domain/api';

declare global {
  interface Window {
    api?: WorkstationApi;
  }
}

const KEY_STORAGE = 'ga-desk.key';

function launchSecret(): string {
  const fromHash = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('k');
  if (fromHash) {
    sessionStorage.setItem(KEY_STORAGE, fromHash);
    // Keep the secret out of the address bar and the history once read.
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem(KEY_STORAGE) ?? '';
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function browserShellApi(): WorkstationApi {
  const secret = launchSecret();
  const listeners = new Set<(e: ApiEvent) => void>();
  let socket: WebSocket | null = null;
  let retry = 500;

  const connect = () => {
    const url = new URL('/events', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('k', secret);
    socket = new WebSocket(url);
    socket.onopen = () => {
      retry = 500;
    };
    socket.onmessage = (m) => {
      const event = JSON.parse(String(m.data)) as ApiEvent;
      for (const l of listeners) l(event);
    };
    socket.onclose = () => {
      socket = null;
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 10_000);
    };
  };

  return {
    async call<N extends ApiName>(name: N, args: ApiArgs<N>): Promise<ApiResults[N]> {
      const res = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify(args ?? {}),
      });
      const body = await res.json().catch(() => ({ error: res.statusText }));
      if (!res.ok) throw new ApiError(String((body as { error?: string }).error ?? res.statusText), res.status);
      return body as ApiResults[N];
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!socket) connect();
      return () => listeners.delete(listener);
    },
  };
}

export const api: WorkstationApi = window.api ?? browserShellApi();
