/**
 * Chinese full-text search of repair tickets (number, subject, description, location,
 * comments). SQLite's FTS5 `trigram` tokenizer finds any text of 3 or more characters
 * (冷氣機, 維-111-00042) but nothing shorter, so a second FTS5 table holds the same text
 * pre-split into grams: every Han character alone and every pair of neighbours (電, 梯,
 * 電梯), other words as they are, read by the `unicode61` tokenizer. A 1- or 2-character
 * query (電, 漏水) looks up one gram; English words and numbers match by prefix.
 *
 * Both tables are filled by triggers on the ticket and comment tables (migration 0005) and
 * on the place tables: a renamed or moved space, floor, building or site re-indexes the
 * tickets below it (migration 0010). So the index changes in the same transaction as the
 * write, also when sync writes rows. The triggers call two functions registered on every
 * connection here:
 * `ga_norm` (NFKC: full-width Ｅ１ reads as E1) and `ga_grams` (the splitting below).
 */
import type Database from 'better-sqlite3';

const HAN = /\p{Script=Han}/u;

export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** "3樓電梯異音" → "3 樓 樓電 電 電梯 梯 梯異 異 異音 音": Han runs as unigrams + bigrams, the rest as is. */
export function searchGrams(text: string): string {
  const out: string[] = [];
  let run: string[] = [];
  let other = '';
  const flushRun = () => {
    for (let i = 0; i < run.length; i++) {
      out.push(run[i]);
      if (i + 1 < run.length) out.push(run[i] + run[i + 1]);
    }
    run = [];
  };
  const flushOther = () => {
    if (other.trim()) out.push(other.trim());
    other = '';
  };
  for (const ch of normalizeSearchText(text)) {
    if (HAN.test(ch)) {
      flushOther();
      run.push(ch);
    } else {
      flushRun();
      other += ch;
    }
  }
  flushRun();
  flushOther();
  return out.join(' ');
}

/** Makes the triggers' functions known to a connection; openDb calls it before migrating. */
export function registerSearchFunctions(client: Database.Database): void {
  client.function('ga_norm', { deterministic: true }, (text: unknown) => normalizeSearchText(String(text ?? '')));
  client.function('ga_grams', { deterministic: true }, (text: unknown) => searchGrams(String(text ?? '')));
}

const SEARCH_TABLES = ['ticket_fts_tri', 'ticket_fts_gram'] as const;

/**
 * Each write adds a small segment to both FTS5 tables, and FTS5 merges segments inside the
 * commit that happens to cross its work threshold: every sixty-odd tickets filed, one
 * waited tens of milliseconds (more at 100,000 tickets). With automatic merging off, the
 * merges are left to mergeSearchIndex between writes; should it fall behind, FTS5 still
 * merges a level that reaches 16 segments inside a commit (its crisis merge), so the
 * index never grows without bound. The setting is kept in the database file.
 */
export function deferSearchMerges(client: Database.Database): void {
  for (const t of SEARCH_TABLES) client.prepare(`INSERT INTO ${t} (${t}, rank) VALUES ('automerge', 0)`).run();
}

/**
 * Merges segments of the search index (levels holding 4 or more, as FTS5's own automatic
 * merging would) for up to about `budgetMs`; returns whether work is left.
 */
export function mergeSearchIndex(client: Database.Database, budgetMs: number): boolean {
  const start = performance.now();
  const changes = client.prepare('SELECT total_changes() AS n');
  for (const t of SEARCH_TABLES) {
    const merge = client.prepare(`INSERT INTO ${t} (${t}, rank) VALUES ('merge', 64)`);
    for (;;) {
      const before = (changes.get() as { n: number }).n;
      merge.run();
      // FTS5's sign of a finished merge: the command changed (almost) nothing.
      if ((changes.get() as { n: number }).n - before < 2) break;
      if (performance.now() - start > budgetMs) return true;
    }
  }
  return false;
}

/** An FTS5 string literal: "…" with inner quotes doubled, so any text is matched as text. */
const phrase = (s: string) => `"${s.replace(/"/g, '""')}"`;

export interface SearchPart {
  table: 'ticket_fts_tri' | 'ticket_fts_gram';
  match: string;
}

/** Longest query the search takes (longer text is cut): enough for a sentence. */
export const MAX_QUERY_CHARS = 100;

/**
 * What to look up for a query: each space-separated word must match (AND). Words of 3+
 * characters go to the trigram table as a phrase; shorter ones to the gram table, Han
 * characters as grams and other words (AC, 42) as prefixes.
 */
export function searchParts(query: string): SearchPart[] {
  const words = normalizeSearchText(query.slice(0, MAX_QUERY_CHARS)).split(/\s+/).filter(Boolean);
  const parts: SearchPart[] = [];
  for (const word of words) {
    const chars = [...word];
    if (chars.length >= 3) {
      parts.push({ table: 'ticket_fts_tri', match: phrase(word) });
      continue;
    }
    const tokens = [];
    let other = '';
    for (const ch of chars) {
      if (HAN.test(ch)) {
        if (other) tokens.push(`${phrase(other)}*`);
        other = '';
      } else other += ch;
    }
    if (other) tokens.push(`${phrase(other)}*`);
    const han = chars.filter((c) => HAN.test(c)).join('');
    // Two neighbouring Han characters are one gram; a Han character beside a letter is two words.
    if (han.length === chars.length) tokens.unshift(phrase(han));
    else for (const c of han) tokens.unshift(phrase(c));
    // Punctuation alone ("-", "/") holds no token: nothing to look for.
    const usable = tokens.filter((t) => /[\p{L}\p{N}]/u.test(t));
    if (usable.length) parts.push({ table: 'ticket_fts_gram', match: usable.join(' AND ') });
  }
  return parts;
}
