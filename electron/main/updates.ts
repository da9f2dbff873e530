/**
 * electron-updater in the Electron main process, and nowhere else: the one file that
 * imports it. Its generic provider reads the paired sync server's update channel
 * (`<server URL>/updates`, http or https as the workstation joined it) with the device
 * token; UpdateController makes the decisions. Only a packaged app updates itself:
 * a development run (and the browser shell, which has no updater) shows nothing.
 */
import { app } from 'electron';
import type { AppUpdater } from 'electron-updater';
import fs from 'node:fs';
import path from 'node:path';
import type { InstallerType, UpdateView } from '../../domain/updates';
import { UpdateController, type Updater } from './update-controller';

/** How this copy was installed, as electron-updater tells it apart (resources/package-type for a .deb). */
export function installerTypeHere(): InstallerType | null {
  if (!app.isPackaged) return null;
  if (process.platform === 'win32') return 'exe';
  if (process.platform !== 'linux') return null;
  if (process.env.APPIMAGE) return 'AppImage';
  try {
    return fs.readFileSync(path.join(process.resourcesPath, 'package-type'), 'utf8').trim() === 'deb' ? 'deb' : null;
  } catch {
    return null;
  }
}

export interface DesktopUpdateOptions {
  feed(): { serverUrl: string; deviceToken: string } | null;
  agreement: { read(): string | null; write(text: string | null): void };
  onChange(view: UpdateView): void;
}

/** Stands in where nothing updates (a development run): never asked anything. */
const NO_UPDATER: Updater = {
  autoDownload: false,
  autoInstallOnAppQuit: false,
  allowDowngrade: false,
  disableDifferentialDownload: true,
  requestHeaders: null,
  setFeedURL: () => undefined,
  checkForUpdates: async () => null,
  downloadUpdate: async () => [],
  quitAndInstall: () => undefined,
  on: () => undefined,
};

export function desktopUpdates(o: DesktopUpdateOptions): UpdateController {
  const log = (message: string) => process.stderr.write(`GA Desk: ${message}\n`);
  const installerType = installerTypeHere();
  let updater = NO_UPDATER;
  if (installerType) {
    // Loaded only in a packaged app: electron-updater reads Electron's app and net at load time.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { autoUpdater } = require('electron-updater') as { autoUpdater: AppUpdater };
    autoUpdater.logger = { info: () => undefined, debug: () => undefined, warn: (m: unknown) => log(`update: ${String(m)}`), error: (m: unknown) => log(`update: ${String(m)}`) };
    updater = autoUpdater as unknown as Updater;
  }
  return new UpdateController({
    updater,
    currentVersion: app.getVersion(),
    installerType,
    log,
    ...o,
  });
}
