/**
 * 定期保養: the rounds due as work orders (made here from the plans, also offline) and the
 * plans themselves. A round opens in a drawer to be recorded item by item.
 */
import { Flex, Segmented } from 'antd';
import { useT } from '../../app/i18n';
import { useRoundGeneration } from './generation';
import { PlansList } from './PlansList';
import { RoundDrawer } from './RoundScreen';
import { RoundsList } from './RoundsList';
import { useInspections, type InspectionsView } from './store';

export function InspectionsTab() {
  const t = useT();
  const view = useInspections((s) => s.view);
  const { setView } = useInspections.getState();
  useRoundGeneration();
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
      <RoundDrawer />
    </Flex>
  );
}
