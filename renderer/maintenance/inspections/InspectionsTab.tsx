/** The maintenance desk's inspections tab (it grows in the following commits). */
import { Empty } from 'antd';

export function InspectionsTab() {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={false} />;
}
