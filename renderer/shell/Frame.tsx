/**
 * The working screen: top bar, the six desks on the left, the chosen desk, the status
 * line. Alt+1…Alt+6 switch desks, Ctrl+K or Ctrl+Shift+P open the command palette, and
 * the workstation locks itself after the configured idle time.
 */
import { BarChartOutlined, CalendarOutlined, CarOutlined, IdcardOutlined, SettingOutlined, ToolOutlined } from '@ant-design/icons';
import { App, Layout, Menu, Spin, Typography, theme } from 'antd';
import { Suspense, lazy, useCallback, useEffect, useMemo, type ReactNode } from 'react';
import type { UserView } from '../../domain/api';
import { DESKS, DESK_LABEL, isDesk, type Desk } from '../app/desks';
import { useIdleTimer } from '../app/hooks';
import { useT } from '../app/i18n';
import { useShell } from '../app/store';
import { shortcutLabel, useShortcuts, type Shortcut } from '../components/shortcuts';
import { AttentionDrawer } from './AttentionDrawer';
import { CommandPalette } from './CommandPalette';
import { DeskPlaceholder } from './DeskPlaceholder';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import { PALETTE_SHORTCUTS, deskShortcut, useCommands } from './useCommands';

const DESK_ICON: Record<Desk, ReactNode> = {
  maintenance: <ToolOutlined />,
  venues: <CalendarOutlined />,
  parking: <IdcardOutlined />,
  vehicles: <CarOutlined />,
  reports: <BarChartOutlined />,
  settings: <SettingOutlined />,
};

// The desks' code is not needed for the sign-in screen: it loads once someone is signed
// in (all of it at once, in the background, so switching desks never waits).
const loadMaintenance = () => import('../maintenance/MaintenanceDesk');
const loadVenues = () => import('../venues/VenueDesk');
const loadSettings = () => import('../settings/SettingsPage');
const MaintenanceDesk = lazy(() => loadMaintenance().then((m) => ({ default: m.MaintenanceDesk })));
const VenueDesk = lazy(() => loadVenues().then((m) => ({ default: m.VenueDesk })));
const SettingsPage = lazy(() => loadSettings().then((m) => ({ default: m.SettingsPage })));

function usePreloadDesks(): void {
  useEffect(() => {
    void Promise.all([loadMaintenance(), loadVenues(), loadSettings()]);
  }, []);
}

function DeskView({ desk }: { desk: Desk }) {
  const view = desk === 'settings' ? <SettingsPage /> : desk === 'maintenance' ? <MaintenanceDesk /> : desk === 'venues' ? <VenueDesk /> : <DeskPlaceholder desk={desk} />;
  return <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>{view}</Suspense>;
}

export function Frame({ user }: { user: UserView }) {
  const t = useT();
  usePreloadDesks();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const desk = useShell((s) => s.desk);
  const paletteOpen = useShell((s) => s.paletteOpen);
  const autoLockMinutes = useShell((s) => s.info?.autoLockMinutes ?? 10);
  const { goTo, lock, setPaletteOpen } = useShell.getState();
  const report = useCallback((text: string) => void message.error(text), [message]);
  const commands = useCommands(report);

  const shortcuts = useMemo<Shortcut[]>(
    () => [...DESKS.map((d, i) => ({ ...deskShortcut(i), run: () => goTo(d) })), ...PALETTE_SHORTCUTS.map((s) => ({ ...s, run: () => setPaletteOpen(true) }))],
    [goTo, setPaletteOpen],
  );
  useShortcuts(shortcuts);
  useIdleTimer(autoLockMinutes, true, () => void lock());

  const items = DESKS.map((d, i) => ({
    key: d,
    icon: DESK_ICON[d],
    label: t(DESK_LABEL[d]),
    extra: (
      <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
        {shortcutLabel(deskShortcut(i))}
      </Typography.Text>
    ),
  }));

  return (
    <Layout style={{ height: '100%' }}>
      <TopBar user={user} />
      <Layout style={{ minHeight: 0 }}>
        <Layout.Sider width={196} style={{ borderRight: `1px solid ${token.colorBorderSecondary}`, overflowY: 'auto' }}>
          <nav aria-label={t('shell.navLabel')}>
            <Menu mode="inline" inlineIndent={14} selectedKeys={[desk]} items={items} onClick={({ key }) => isDesk(key) && goTo(key)} style={{ paddingTop: 6 }} />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ minWidth: 0, overflow: 'auto', padding: 16 }}>
          <DeskView desk={desk} />
        </Layout.Content>
      </Layout>
      <StatusBar />
      <CommandPalette open={paletteOpen} onClose={() => setPaletteOpen(false)} commands={commands} />
      <AttentionDrawer />
    </Layout>
  );
}
