/**
 * The workstation's updates from its sync server, around electron-updater's updater
 * (handed in, so this file needs no Electron): check at start and daily, download in
 * the background with progress for the status bar, keep a download only when our own
 * SHA-512 check passes, and install it at a start after the user agreed to that
 * version. The decisions are domain/updates.ts's; electron-updater verifies the SHA-512
 * too, but it is not the only check.
 */
import fs from 'node:fs';
import { chooseUpdate, installDecision, parseAgreement, progressPercent, UPDATE_CHECK_EVERY_MS, type InstallerType, type UpdateOffer, type UpdateView } from '../../domain/updates';
import type { UpdatePort } from '../backend/handlers/updates';
import { verifyInstaller } from './update-files';

/** What is used of electron-updater's AppUpdater (its autoUpdater). */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  disableDifferentialDownload: boolean;
  requestHeaders: Record<string, string> | null;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<{ isUpdateAvailable?: boolean; updateInfo: UpdateOffer } | null>;
  downloadUpdate(): Promise<string[]>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'download-progress', listener: (p: { transferred: number; total: number }) => void): unknown;
  on(event: 'update-downloaded', listener: (e: { downloadedFile: string; version: string }) => void): unknown;
  on(event: 'error', listener: (e: Error) => void): unknown;
}

export interface UpdateControllerOptions {
  updater: Updater;
  currentVersion: string;
  /** How this copy was installed; null: no updates (a development run, an unknown package). */
  installerType: InstallerType | null;
  /** The paired sync server and this workstation's device token, or null while not joined. */
  feed(): { serverUrl: string; deviceToken: string } | null;
  /** Where the user's agreement is kept (the workstation's meta table). */
  agreement: { read(): string | null; write(text: string | null): void };
  onChange(view: UpdateView): void;
  log(message: string): void;
  everyMs?: number;
}

export class UpdateController implements UpdatePort {
  private current: UpdateView;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private downloadedFile: string | null = null;
  /** The checksum of the verified download the status bar offers. */
  private offered: { version: string; sha512: string } | null = null;
  private checks = 0;
  /** quitAndInstall was called: the app is about to quit into the installer. */
  installing = false;

  constructor(private readonly o: UpdateControllerOptions) {
    this.current = o.installerType ? { state: 'idle' } : { state: 'unsupported' };
    const u = o.updater;
    // We decide when to download and when to install; never behind the user's back on quit.
    u.autoDownload = false;
    u.autoInstallOnAppQuit = false;
    u.allowDowngrade = false;
    // The server publishes no blockmaps: always the whole installer.
    u.disableDifferentialDownload = true;
    u.on('download-progress', (p) => {
      if (this.current.state === 'downloading') this.set({ ...this.current, percent: progressPercent(p.transferred, p.total) });
    });
    u.on('update-downloaded', (e) => {
      this.downloadedFile = e.downloadedFile;
    });
    u.on('error', (e) => o.log(`update: ${e.message.split('\n')[0]}`));
  }

  view(): UpdateView {
    return this.current;
  }

  /** A user agreed to install this version at the next start: kept with its checksum. */
  agree(version: string): UpdateView {
    if (this.current.state !== 'ready' || this.current.version !== version || !this.offered) return this.current;
    this.o.agreement.write(JSON.stringify(this.offered));
    return this.set({ ...this.current, agreed: true });
  }

  /** An agreement waiting for this start (so the window can wait for the install). */
  hasAgreement(): boolean {
    return parseAgreement(this.o.agreement.read()) !== null;
  }

  /** Checks now (unless a first check ran already), then every day. */
  start(): void {
    if (!this.o.installerType || this.timer) return;
    if (this.checks === 0) void this.check();
    this.timer = setInterval(() => void this.check(), this.o.everyMs ?? UPDATE_CHECK_EVERY_MS);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One check (a check already running is joined). Resolves when it is done. */
  check(): Promise<void> {
    this.running ??= this.runCheck().finally(() => (this.running = null));
    return this.running;
  }

  private set(view: UpdateView): UpdateView {
    this.current = view;
    this.o.onChange(view);
    return view;
  }

  private async runCheck(): Promise<void> {
    const atStart = this.checks++ === 0;
    const type = this.o.installerType;
    const feed = this.o.feed();
    if (!type || !feed) return;
    const agreed = parseAgreement(this.o.agreement.read());
    try {
      const u = this.o.updater;
      u.setFeedURL({ provider: 'generic', url: `${feed.serverUrl.replace(/\/+$/, '')}/updates` });
      u.requestHeaders = { authorization: `Bearer ${feed.deviceToken}` };
      const result = await u.checkForUpdates();
      const choice = result?.updateInfo ? chooseUpdate(this.o.currentVersion, result.updateInfo, type) : null;
      if (!choice?.take) {
        // Nothing newer: an agreement to what now runs (or older) is done with.
        if (agreed) this.o.agreement.write(null);
        if (choice) this.o.log(`update: nothing to take (${choice.reason})`);
        this.set({ state: 'idle' });
        return;
      }
      const { version, file } = choice;
      if (this.current.state === 'ready' && this.current.version === version) return;
      this.set({ state: 'downloading', version, percent: 0 });
      this.downloadedFile = null;
      const paths = await u.downloadUpdate();
      const downloaded = this.downloadedFile ?? paths[0];
      const verified = downloaded ? await verifyInstaller(downloaded, file.sha512) : { ok: false, actual: null };
      if (!verified.ok) {
        this.o.log(`update: ${version} did not match its checksum; thrown away`);
        if (downloaded) await fs.promises.rm(downloaded, { force: true });
        if (agreed?.version === version) this.o.agreement.write(null);
        this.offered = null;
        this.set({ state: 'refused', version });
        return;
      }
      this.offered = { version, sha512: file.sha512 };
      const decision = installDecision(this.o.currentVersion, agreed, { version, expectedSha512: file.sha512, actualSha512: verified.actual! });
      if (atStart && decision.install) {
        this.o.agreement.write(null);
        this.o.log(`update: installing ${version}`);
        this.installing = true;
        // Silent (the user agreed already), and the app starts again afterwards.
        u.quitAndInstall(true, true);
        return;
      }
      this.set({ state: 'ready', version, agreed: decision.install });
    } catch (e) {
      // Server unreachable, nothing published, a failed download: try again at the next check.
      this.o.log(`update: check failed: ${(e as Error).message.split('\n')[0]}`);
      if (this.current.state === 'downloading') this.set({ state: 'idle' });
    }
  }
}
