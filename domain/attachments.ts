/**
 * Attachments (photos, scanned letters) are files kept apart from the records, named by
 * the SHA-256 of their bytes. A record refers to them by that hash, and a workstation
 * uploads a file to the sync server before it pushes the mutation that refers to it.
 *
 * The convention, so the server can check that every file a mutation refers to has
 * arrived: in a mutation's arguments, any field named `attachments` or `photos` (at any
 * depth) holds a list of either SHA-256 hashes (64 lowercase hex digits) or objects with
 * such a hash in a `sha256` field (`{sha256, name, size, type}`).
 */

import { z } from 'zod';
import { requiredText, text } from './mutations/reference';

/** Largest file the sync server takes (also the most a desk should accept). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** A file kept with a record (a photo, a scanned letter): its hash, and what the clerk saw when attaching it. */
export interface Attachment {
  sha256: string;
  name: string;
  size: number;
  /** MIME type as the browser gave it. */
  type: string;
}

/** One attachment in a mutation's arguments. */
export const attachmentSchema = z
  .object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    name: requiredText(200),
    size: z.number().int().min(0).max(MAX_ATTACHMENT_BYTES),
    type: text(100),
  })
  .strict();

/** Fields of mutation arguments that refer to attachments. */
export const ATTACHMENT_FIELDS: readonly string[] = ['attachments', 'photos'];

const SHA256 = /^[0-9a-f]{64}$/;

export function isSha256(value: unknown): value is string {
  return typeof value === 'string' && SHA256.test(value);
}

function hashOf(item: unknown): string | null {
  if (isSha256(item)) return item;
  if (item && typeof item === 'object' && isSha256((item as { sha256?: unknown }).sha256)) return (item as { sha256: string }).sha256;
  return null;
}

/**
 * Every attachment hash that mutation arguments refer to, once each, in order of
 * appearance. Also run over every record a pull brings (100,000 in a first sync), so
 * it looks only into objects and lists and makes nothing per field.
 */
export function attachmentHashes(args: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: object, depth: number): void => {
    if (depth > 20) return;
    if (Array.isArray(value)) {
      for (const v of value) if (v !== null && typeof v === 'object') visit(v, depth + 1);
      return;
    }
    const fields = value as Record<string, unknown>;
    for (const key in fields) {
      const v = fields[key];
      if (v === null || typeof v !== 'object') continue;
      if (Array.isArray(v) && ATTACHMENT_FIELDS.includes(key)) {
        for (const item of v) {
          const hash = hashOf(item);
          if (hash) found.add(hash);
        }
      } else {
        visit(v, depth + 1);
      }
    }
  };
  if (args !== null && typeof args === 'object') visit(args, 0);
  return [...found];
}
