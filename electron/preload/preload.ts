/**
 * The bridge between the screens and the main process: window.api with two named
 * functions, never ipcRenderer itself. Calls to names outside the API are refused here,
 * before anything is sent.
 *
 * The window is sandboxed, and a sandboxed preload may only require('electron') and a
 * few Node shims: this file must be bundled into one self-contained CommonJS file
 * (dist/electron/preload.cjs) with only 'electron' left external. So it checks only the
 * shape of a name here; the main process checks it against the API's list.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiEvent, WorkstationApi } from '../../domain/api';
import { API_CALL_CHANNEL, API_EVENT_CHANNEL, type ApiReply } from './channels';

/** `area.call` or a bare `mutate`: anything else cannot be a call of the API. */
const CALL_NAME = /^[a-z][A-Za-z]{0,39}(\.[a-z][A-Za-z]{0,39})?$/;

async function call(name: string, args: unknown): Promise<unknown> {
  if (typeof name !== 'string' || !CALL_NAME.test(name)) throw new Error(`unknown call: ${String(name).slice(0, 80)}`);
  const reply = (await ipcRenderer.invoke(API_CALL_CHANNEL, name, args)) as ApiReply;
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

function onEvent(listener: (event: ApiEvent) => void): () => void {
  if (typeof listener !== 'function') throw new Error('onEvent needs a function');
  // The page gets the event's payload only, never Electron's IpcRendererEvent (it carries
  // a reference to ipcRenderer).
  const relay = (_event: IpcRendererEvent, payload: ApiEvent) => listener(payload);
  ipcRenderer.on(API_EVENT_CHANNEL, relay);
  return () => {
    ipcRenderer.removeListener(API_EVENT_CHANNEL, relay);
  };
}

const api = { call, onEvent } as WorkstationApi;

contextBridge.exposeInMainWorld('api', api);
