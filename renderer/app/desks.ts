/**
 * The desks (作業區) of the navigation, in its order and that of Alt+1…Alt+6, and what a
 * desk declares to the shell. Each desk's declaration lives in its folder (desk.tsx);
 * renderer/desks.tsx lists them, and the shell, the palette and the attention drawer
 * read that list only.
 */
import type { ComponentType, ReactNode } from 'react';
import type { AttentionItem } from '../../domain/api';
import type { Locale } from '../../domain/dates';
import type { MessageKey } from '../../domain/i18n';
import type { Role } from '../../domain/roles';

export const DESKS = ['maintenance', 'venues', 'parking', 'vehicles', 'reports', 'settings'] as const;
export type Desk = (typeof DESKS)[number];

export function isDesk(value: unknown): value is Desk {
  return typeof value === 'string' && (DESKS as readonly string[]).includes(value);
}

/** One entry of the command palette. */
export interface Command {
  id: string;
  /** In the user's language. */
  label: string;
  /** The same in the other language, and any other words that should find it. */
  aliases: string[];
  /** A shortcut to show beside it, e.g. Alt+1. */
  hint?: string;
  /** A window-wide key that runs it (the shell listens for it and shows it as the hint). */
  key?: { code: string; ctrl?: boolean; alt?: boolean; shift?: boolean };
  run(): void;
}
/** A card of the 待處理 drawer for the refused writes a desk knows how to redo. */
export interface AttentionCard {
  matches(item: AttentionItem): boolean;
  Card: ComponentType<{ item: AttentionItem }>;
}

export interface DeskEntry {
  id: Desk;
  label: MessageKey;
  icon: ReactNode;
  /** Who sees the desk (every signed-in user when absent): a guard sees the gate lookup only. */
  roles?: readonly Role[];
  /** The desk's screen, loaded once someone signs in; a desk without one says it is not built yet. */
  load?: () => Promise<ComponentType>;
  /** Its palette commands, labelled in the user's language with the other one as aliases. */
  commands?: (locale: Locale, other: Locale) => Command[];
  attention?: readonly AttentionCard[];
}
