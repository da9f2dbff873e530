/** The maintenance desk's assets tab (it grows in the following commits). */
import { Empty } from 'antd';

export function AssetsTab() {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={false} />;
}
