/**
 * The root: antd in the user's language with our theme, then the screen the session
 * calls for: first run, sign-in, lock, or the desks.
 */
import { Button, App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhTW from 'antd/es/locale/zh_TW';
import { Suspense, lazy, useEffect } from 'react';
import { translate } from '../../domain/i18n';
import { FirstRun } from '../shell/FirstRun';
import { LockScreen } from '../shell/LockScreen';
import { LoginScreen } from '../shell/LoginScreen';
import { useLocale, useT } from './i18n';
import { useShell } from './store';

// The desks load after sign-in; the sign-in screen needs none of them.
const Frame = lazy(() => import('../shell/Frame').then((m) => ({ default: m.Frame })));
import { appTheme } from './theme';

export function App() {
  const locale = useLocale((s) => s.locale);
  useEffect(() => useShell.getState().start(), []);
  return (
    <ConfigProvider locale={locale === 'zh-TW' ? zhTW : enUS} theme={appTheme} componentSize="middle" button={{ autoInsertSpace: false }}>
      <AntApp style={{ height: '100%' }}>
        <Screen />
      </AntApp>
    </ConfigProvider>
  );
}

function Screen() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  useEffect(() => {
    document.title = translate(locale, 'app.name');
  }, [locale]);
  const info = useShell((s) => s.info);
  const session = useShell((s) => s.session);
  const startError = useShell((s) => s.startError);

  if (startError && (!info || !session)) {
    const retry = () => {
      const s = useShell.getState();
      void s.loadInfo();
      void s.refreshSession();
      void s.refreshStatus();
    };
    return (
      <Result
        status="warning"
        title={t('shell.startFailed')}
        subTitle={startError}
        extra={
          <Button type="primary" onClick={retry}>
            {t('shell.retry')}
          </Button>
        }
      />
    );
  }
  if (!info || !session) {
    return (
      <div style={{ height: '100%', display: 'flex' }}>
        <Spin size="large" description={t('common.loading')} style={{ margin: 'auto' }} />
      </div>
    );
  }
  if (info.offerDemo && !session.user) return <FirstRun />;
  if (!session.user) return <LoginScreen />;
  if (session.locked) return <LockScreen user={session.user} />;
  return (
    <Suspense fallback={<Spin fullscreen />}>
      <Frame user={session.user} />
    </Suspense>
  );
}
