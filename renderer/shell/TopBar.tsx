/** The top line: app name, the palette, who is signed in (and as what), lock, switch user. */
import { DownOutlined, GlobalOutlined, LockOutlined, LogoutOutlined, SearchOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Flex, Tooltip, Typography, theme } from 'antd';
import type { UserView } from '../../domain/api';
import type { Locale } from '../../domain/dates';
import { useLocale, useT } from '../app/i18n';
import { useShell, type Done } from '../app/store';
import { shortcutLabel } from '../components/shortcuts';
import { PALETTE_SHORTCUTS } from './useCommands';

export function rolesText(user: UserView, t: ReturnType<typeof useT>, locale: Locale): string {
  if (user.roles.length === 0) return t('shell.rolesNone');
  const list = new Intl.ListFormat(locale === 'zh-TW' ? 'zh-TW' : 'en', { style: 'narrow', type: 'conjunction' });
  return list.format(user.roles.map((r) => t(`role.${r}`)));
}

export function TopBar({ user }: { user: UserView }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const { lock, logout, setLocale, setPaletteOpen } = useShell.getState();
  const report = (done: Done) => {
    if (!done.ok) message.error(done.message);
  };
  const roles = rolesText(user, t, locale);
  const other: Locale = locale === 'zh-TW' ? 'en' : 'zh-TW';

  return (
    <Flex
      component="header"
      align="center"
      gap={12}
      style={{ height: 48, flex: 'none', padding: '0 12px', background: token.colorBgContainer, borderBottom: `1px solid ${token.colorBorderSecondary}`, whiteSpace: 'nowrap' }}
    >
      <Typography.Text strong style={{ fontSize: token.fontSizeLG, color: token.colorPrimary, flex: 'none' }}>
        {t('app.name')}
      </Typography.Text>
      <Button onClick={() => setPaletteOpen(true)} style={{ color: token.colorTextSecondary, width: 220, justifyContent: 'space-between' }}>
        <span>
          <SearchOutlined /> {t('palette.title')}
        </span>
        <Typography.Text keyboard type="secondary" style={{ fontSize: token.fontSizeSM }}>
          {shortcutLabel(PALETTE_SHORTCUTS[0])}
        </Typography.Text>
      </Button>
      <div style={{ flex: 1 }} />
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'language', icon: <GlobalOutlined />, label: t('shell.palette.languageTo', { language: t(`shell.language.${other}`) }), onClick: () => void setLocale(other).then(report) },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: t('login.logout'), onClick: () => void logout().then(report) },
          ],
        }}
      >
        <Button type="text" aria-label={t('shell.userMenu')} style={{ height: 40, maxWidth: 360, minWidth: 0 }}>
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            <Avatar size={28} style={{ background: token.colorPrimary, flex: 'none' }}>
              {user.displayName.slice(0, 1)}
            </Avatar>
            <Flex vertical align="flex-start" style={{ minWidth: 0, lineHeight: 1.2 }}>
              <Typography.Text strong ellipsis style={{ maxWidth: 260 }}>
                {user.displayName}
              </Typography.Text>
              <Tooltip title={roles}>
                <Typography.Text type="secondary" ellipsis style={{ maxWidth: 260, fontSize: token.fontSizeSM }}>
                  {roles}
                </Typography.Text>
              </Tooltip>
            </Flex>
            <DownOutlined style={{ fontSize: 10, color: token.colorTextTertiary }} />
          </Flex>
        </Button>
      </Dropdown>
      <Button icon={<LockOutlined />} onClick={() => void lock().then(report)}>
        {t('login.lock')}
      </Button>
      <Button icon={<UserSwitchOutlined />} onClick={() => void logout().then(report)}>
        {t('login.switchUser')}
      </Button>
    </Flex>
  );
}
