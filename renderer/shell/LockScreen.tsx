/** The workstation is locked: the signed-in user unlocks with the password, or someone else signs in. */
import { UserSwitchOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Flex, Typography } from 'antd';
import type { UserView } from '../../domain/api';
import { useT } from '../app/i18n';
import { useShell } from '../app/store';
import { AuthLayout } from './AuthLayout';
import { LoginForm } from './LoginScreen';

export function LockScreen({ user }: { user: UserView }) {
  const t = useT();
  const { message } = App.useApp();
  const logout = useShell((s) => s.logout);

  const switchUser = async () => {
    const done = await logout();
    if (!done.ok) message.error(done.message);
  };

  return (
    <AuthLayout title={t('shell.lock.title')}>
      <Flex align="center" gap={12} style={{ marginBottom: 12 }}>
        <Avatar size={40} style={{ flex: 'none' }}>
          {user.displayName.slice(0, 1)}
        </Avatar>
        <Typography.Text strong>{t('shell.lock.signedInAs', { name: user.displayName, username: user.username })}</Typography.Text>
      </Flex>
      <Typography.Paragraph type="secondary">{t('shell.lock.help')}</Typography.Paragraph>
      <LoginForm username={user.username} submitLabel={t('shell.lock.unlock')} />
      <Button block icon={<UserSwitchOutlined />} onClick={switchUser} style={{ marginTop: 8 }}>
        {t('login.switchUser')}
      </Button>
    </AuthLayout>
  );
}
