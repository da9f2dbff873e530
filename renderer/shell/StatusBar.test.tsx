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
