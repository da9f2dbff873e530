import '../components/testing/jsdom';
import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StatusView } from '../../domain/api';
import { translate } from '../../domain/i18n';
import { useLocale } from '../app/i18n';
import { useShell } from '../app/store';
import { StatusBar } from './StatusBar';

const status = (over: Partial<StatusView>): StatusView => ({
  connection: 'online',
  pending: 0,
  needsAttention: 0,
  lastSyncAt: null,
  lastError: null,
  progress: null,
  numbersLow: [],
  ...over,
});

function renderWith(view: StatusView) {
  act(() => useShell.setState({ status: view }));
  return render(<StatusBar />);
}

describe('status bar: writes waiting to sync', () => {
  afterEach(() => act(() => useLocale.getState().setLocale('zh-TW')));

  it('a standalone workstation shows a neutral note, not its whole outbox as waiting in warning colours', () => {
    const { getByRole } = renderWith(status({ connection: 'standalone', pending: 428 }));
    const bar = getByRole('status');
    expect(bar.textContent).toContain(translate('zh-TW', 'status.standalone'));
    expect(bar.textContent).toContain(translate('zh-TW', 'status.standaloneLocal'));
    expect(bar.textContent).not.toContain(translate('zh-TW', 'status.pending', { count: 428 }));
    expect(bar.querySelector('.ant-typography-warning')).toBeNull();
  });

  it('a joined workstation shows its writes waiting, as a warning, in the reader’s language', () => {
    act(() => useLocale.getState().setLocale('en'));
    const { getByRole } = renderWith(status({ connection: 'offline', pending: 3 }));
    const waiting = getByRole('status').querySelector('.ant-typography-warning');
    expect(waiting?.textContent).toBe(translate('en', 'status.pending', { count: 3 }));
    expect(getByRole('status').textContent).not.toContain(translate('en', 'status.standaloneLocal'));
  });
});

describe('status bar: updates from the server', () => {
  afterEach(() => act(() => useShell.setState({ update: null })));

  it('shows nothing where there is no updater (the browser shell)', () => {
    act(() => useShell.setState({ update: { state: 'unsupported' } }));
    const { getByRole } = renderWith(status({}));
    expect(getByRole('status').textContent).not.toContain('0.2.0');
  });

  it('shows the download progress, then asks to install at the next start, then says it will', () => {
    act(() => useShell.setState({ update: { state: 'downloading', version: '0.2.0', percent: 40 } }));
    const { getByRole } = renderWith(status({}));
    expect(getByRole('status').textContent).toContain(translate('zh-TW', 'electron.update.downloading', { version: '0.2.0', percent: 40 }));
    act(() => useShell.setState({ update: { state: 'ready', version: '0.2.0', agreed: false } }));
    expect(getByRole('status').textContent).toContain(translate('zh-TW', 'electron.update.agree'));
    act(() => useShell.setState({ update: { state: 'ready', version: '0.2.0', agreed: true } }));
    expect(getByRole('status').textContent).toContain(translate('zh-TW', 'electron.update.agreed', { version: '0.2.0' }));
  });

  it('says so when a download failed its checksum', () => {
    act(() => useShell.setState({ update: { state: 'refused', version: '0.2.0' } }));
    const { getByRole } = renderWith(status({}));
    expect(getByRole('status').querySelector('.ant-typography-danger')?.textContent).toBe(translate('zh-TW', 'electron.update.refused', { version: '0.2.0' }));
  });
});
