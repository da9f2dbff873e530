/** The maintenance desk's projects tab (it grows in the following commits). */
import { Empty } from 'antd';

export function ProjectsTab() {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={false} />;
}
