/**
 * 定期保養: the rounds due as work orders and the plans themselves. The rounds are made by
 * the desk as it opens (MaintenanceDesk); a round opens in the desk's round drawer.
 */
import { Flex, Segmented } from 'antd';
import { useT } from '../../app/i18n';
import { PlansList } from './PlansList';
import { RoundsList } from './RoundsList';
import { useInspections, type InspectionsView } from './store';

export function InspectionsTab() {
  const t = useT();
  const view = useInspections((s) => s.view);
  const { setView } = useInspections.getState();
  return (
    <Flex vertical gap={8}>
      <Segmented<InspectionsView>
        value={view}
        onChange={setView}
        options={[
          { value: 'rounds', label: t('inspections.view.rounds') },
          { value: 'plans', label: t('inspections.view.plans') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {view === 'rounds' ? <RoundsList /> : <PlansList />}
    </Flex>
  );
}
