/**
 * What a desk (作業區) brings to the backend, declared once in its domain/<desk>/desk.ts:
 * its kinds of records, the spans of time they hold, its named mutations, its read calls
 * and the calls that answer its figures for a report period. domain/desks.ts lists the
 * desks; entities, mutations, spans, the API and the workstation's handler map read that
 * list and nothing desk-specific. docs/adding-a-desk.md is the recipe.
 */
import type { CallDef } from './call';
import type { Kind } from './entities';
import type { ImportKind } from './imports/define';
import type { MutationDef } from './mutations/define';
import type { ReportSection } from './report/section';
import type { SpanDeclaration } from './spans';

export interface DeskModule<M extends readonly MutationDef[] = readonly MutationDef[], C extends Record<string, CallDef> = Record<string, CallDef>> {
  /** The desk's name in the navigation; its calls start with a prefix of its own. */
  id: string;
  /** The kinds it owns (declared in its kinds.ts, which domain/entities.ts combines). */
  kinds: readonly Kind[];
  /** The records that hold a resource for a stretch of time, each with its own conflict. */
  spans: readonly SpanDeclaration[];
  mutations: M;
  calls: C;
  /** The calls that answer the desk's figures for a period (`periodArgs`): what the report desk reads. */
  figures: readonly string[];
  /** The desk's section of the period report: its figures (read from its `figures` calls), measure words and sentence. */
  report?: ReportSection;
  /** What the desk's clerks import from a spreadsheet (domain/imports/define.ts). */
  imports?: readonly ImportKind[];
}

/** Checks, by type, that the figures calls are the desk's own. */
export const defineDesk = <M extends readonly MutationDef[], C extends Record<string, CallDef>>(desk: DeskModule<M, C> & { figures: readonly (keyof C & string)[] }): DeskModule<M, C> => desk;
