/**
 * The working screen: top bar, the six desks on the left, the chosen desk, the status
 * line. Alt+1…Alt+6 switch desks, Ctrl+K or Ctrl+Shift+P open the command palette, and
 * the workstation locks itself after the configured idle time.
 */
import { App, Layout, Menu, Spin, Typography, theme } from 'antd';
import { Suspense, lazy, useCallback, useEffect, useMemo, type ComponentType, type LazyExoticComponent } from 'react';
import type { UserView } from '../../domain/api';
import { isDesk, type DeskEntry } from '../app/desks';
import { useIdleTimer } from '../app/hooks';
import { useT } from '../app/i18n';
import { useShell } from '../app/store';
import { shortcutLabel, useShortcuts, type Shortcut } from '../components/shortcuts';
import { desksFor } from '../desks';
import { AttentionDrawer } from './AttentionDrawer';
import { CommandPalette } from './CommandPalette';
import { DeskPlaceholder } from './DeskPlaceholder';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import { PALETTE_SHORTCUTS, deskShortcut, useCommands } from './useCommands';

// The desks' code is not needed for the sign-in screen: it loads once someone is signed
// in (all of the user's desks at once, in the background, so switching never waits).
const screens = new Map<DeskEntry['id'], LazyExoticComponent<ComponentType>>();
function screenOf(entry: DeskEntry) {
  if (!entry.load) return null;
  let screen = screens.get(entry.id);
  if (!screen) {
    const load = entry.load;
    screen = lazy(() => load().then((Screen) => ({ default: Screen })));
    screens.set(entry.id, screen);
  }
  return screen;
}

function usePreloadDesks(desks: readonly DeskEntry[]): void {
  useEffect(() => {
    void Promise.all(desks.map((d) => d.load?.()));
  }, [desks]);
}

function DeskView({ entry }: { entry: DeskEntry }) {
  const Screen = screenOf(entry);
  return <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>{Screen ? <Screen /> : <DeskPlaceholder desk={entry} />}</Suspense>;
}

export function Frame({ user }: { user: UserView }) {
  const t = useT();
  const desks = useMemo(() => desksFor(user.roles), [user.roles]);
  usePreloadDesks(desks);
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const desk = useShell((s) => s.desk);
  const paletteOpen = useShell((s) => s.paletteOpen);
  const autoLockMinutes = useShell((s) => s.info?.autoLockMinutes ?? 10);
  const { goTo, lock, setPaletteOpen } = useShell.getState();
  const report = useCallback((text: string) => void message.error(text), [message]);

  const commands = useCommands(report, desks);
  // A desk this user does not see (a guard's session after a clerk's) opens the first one they do.
  const entry = desks.find((d) => d.id === desk) ?? desks[0];
  useEffect(() => {
    if (entry && entry.id !== desk) goTo(entry.id);
  }, [entry, desk, goTo]);

  const shortcuts = useMemo<Shortcut[]>(
    () => [
      ...desks.map((d, i) => ({ ...deskShortcut(i), run: () => goTo(d.id) })),
      ...PALETTE_SHORTCUTS.map((s) => ({ ...s, run: () => setPaletteOpen(true) })),
      ...commands.flatMap((c) => (c.key ? [{ ...c.key, run: c.run }] : [])),
    ],
    [desks, goTo, setPaletteOpen, commands],
  );
  useShortcuts(shortcuts);
  useIdleTimer(autoLockMinutes, true, () => void lock());

  const items = desks.map((d, i) => ({
    key: d.id,
    icon: d.icon,
    label: t(d.label),
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
            <Menu mode="inline" inlineIndent={14} selectedKeys={entry ? [entry.id] : []} items={items} onClick={({ key }) => isDesk(key) && goTo(key)} style={{ paddingTop: 6 }} />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ minWidth: 0, overflow: 'auto', padding: 16 }}>{entry && <DeskView entry={entry} />}</Layout.Content>
      </Layout>
      <StatusBar />
      <CommandPalette open={paletteOpen} onClose={() => setPaletteOpen(false)} commands={commands} />
      <AttentionDrawer desks={desks} />
    </Layout>
  );
}
