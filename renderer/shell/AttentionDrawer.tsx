/** Records that need someone's attention after syncing (refused, conflicting). None are produced yet. */
import { Drawer, Empty } from 'antd';
import { useT } from '../app/i18n';
import { useShell } from '../app/store';

export function AttentionDrawer() {
  const t = useT();
  const open = useShell((s) => s.attentionOpen);
  const setOpen = useShell((s) => s.setAttentionOpen);
  return (
    <Drawer title={t('shell.attention.title')} open={open} onClose={() => setOpen(false)} size={400}>
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('shell.attention.empty')} />
    </Drawer>
  );
}
