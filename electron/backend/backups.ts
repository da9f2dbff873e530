/**
 * Rolling backups of the workstation database with SQLite's online backup (safe while
 * the app writes), and restore. A restored workstation takes a new client id: its
 * mutation counter went back in time, and the server must not mistake its next writes
 * for ones it has already applied. Pending writes in the backup keep their old client id,
 * so the server still applies each of them exactly once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../../db/open';
import { setMeta, takeNewClientId } from '../../db/meta';
import type { BackupView } from '../../domain/api';
import type { Workstation } from './workstation';

export const KEEP_BACKUPS = 10;

export class Backups {
  readonly dir: string;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ws: Workstation,
    readonly everyMinutes: number,
  ) {
    this.dir = path.join(ws.options.dataDir, 'backups');
    if (everyMinutes > 0) {
      this.timer = setInterval(() => void this.create().catch(() => undefined), everyMinutes * 60_000);
      this.timer.unref();
    }
  }

  list(): BackupView[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs
      .readdirSync(this.dir)
      .filter((f) => /^backup-.*\.sqlite$/.test(f))
      .map((name) => {
        const st = fs.statSync(path.join(this.dir, name));
        return { name, at: st.mtime.toISOString(), bytes: st.size };
      })
      .sort((a, b) => b.name.localeCompare(a.name));
  }

  async create(): Promise<BackupView> {
    fs.mkdirSync(this.dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    let name = `backup-${stamp}.sqlite`;
    for (let i = 1; fs.existsSync(path.join(this.dir, name)); i++) name = `backup-${stamp}-${i}.sqlite`;
    const target = path.join(this.dir, name);
    await this.ws.db.$client.backup(`${target}.part`);
    fs.renameSync(`${target}.part`, target);
    for (const old of this.list().slice(KEEP_BACKUPS)) fs.rmSync(path.join(this.dir, old.name), { force: true });
    return this.list().find((b) => b.name === name)!;
  }

  /** Replaces the live database with a backup and gives the workstation a new identity. */
  async restore(name: string): Promise<string | null> {
    if (!/^backup-[\w-]+\.sqlite$/.test(name)) return null;
    const source = path.join(this.dir, name);
    if (!fs.existsSync(source)) return null;
    const file = this.ws.dbFile;
    this.ws.db.$client.close();
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    fs.copyFileSync(source, `${file}.restoring`);
    fs.renameSync(`${file}.restoring`, file);
    const db = openDb(file);
    const clientId = takeNewClientId(db);
    // Pull afresh: the server's changes since the backup are applied on top of it.
    setMeta(db, 'syncCursor', '');
    this.ws.replaceDb(db);
    this.ws.session = { user: null, locked: false };
    return clientId;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
