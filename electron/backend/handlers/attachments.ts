/**
 * Files kept with records (a ticket's photos, a booking's letter, a round's pictures):
 * every desk uploads and reads them through these two calls, and the store keeps each
 * once under its SHA-256 until sync sends it to the server.
 */
import { problemResult } from '../mutation-runner';
import type { HandlerMap } from '../workstation';

export const attachmentHandlers: Pick<HandlerMap, 'attachments.put' | 'attachments.get'> = {
  'attachments.put': (ws, { name, type, dataBase64 }) => {
    const stored = ws.attachments.put(name, type, Buffer.from(dataBase64, 'base64'));
    return 'problem' in stored ? problemResult(stored.problem, ws.locale) : { ok: true, attachment: stored.attachment };
  },

  'attachments.get': (ws, { sha256 }) => {
    const data = ws.attachments.get(sha256);
    return data ? { dataBase64: data.toString('base64') } : null;
  },
};
