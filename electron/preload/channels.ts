/**
 * What travels between the preload and the main process. Kept free of imports so the
 * sandboxed preload bundle stays small and self-contained.
 */

/** renderer → main: one invoke per API call, `(name, args)`. */
export const API_CALL_CHANNEL = 'api:call';

/** main → renderer: an ApiEvent pushed by the workstation. */
export const API_EVENT_CHANNEL = 'api:event';

/**
 * The answer to an `api:call`. Errors come back as a value, not a rejection: Electron
 * would prefix a thrown error with "Error invoking remote method…", and only the message
 * survives the bridge anyway.
 */
export type ApiReply = { ok: true; value: unknown } | { ok: false; error: string };
