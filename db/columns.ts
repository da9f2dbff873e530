/** Columns every synced record table carries, declared once for all the schema files. */
import { integer, text } from 'drizzle-orm/sqlite-core';

/** When the record was made and last changed (ISO instants, set by the mutation). */
export const stamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

/** A record others refer to is archived, never deleted. */
export const archived = { archived: integer('archived', { mode: 'boolean' }).notNull().default(false) };
