/** Settings › General: language, auto-lock, workstation facts. */
import { Typography } from 'antd';
import { useT } from '../app/i18n';

export function GeneralTab() {
  const t = useT();
  return <Typography.Title level={5}>{t('settings.general')}</Typography.Title>;
}
