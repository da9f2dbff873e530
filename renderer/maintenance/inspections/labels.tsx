/** How a round's state shows: 逾期 / 今日到期 / 待辦 / 完成 / 略過, with the colour a clerk scans for. */
import { Tag } from 'antd';
import { isRoundOverdue, type InspectionRound } from '../../../domain/maintenance/inspections';
import { useT } from '../../app/i18n';

export type RoundState = 'overdue' | 'dueToday' | 'open' | 'done' | 'skipped';

export function roundState(round: Pick<InspectionRound, 'status' | 'dueOn'>, graceDays: number, today: string): RoundState {
  if (round.status !== 'open') return round.status;
  if (isRoundOverdue(round, graceDays, today)) return 'overdue';
  return round.dueOn === today ? 'dueToday' : 'open';
}

const COLOR: Record<RoundState, string | undefined> = { overdue: 'red', dueToday: 'orange', open: 'blue', done: 'green', skipped: undefined };

export function RoundStateTag({ state }: { state: RoundState }) {
  const t = useT();
  return (
    <Tag color={COLOR[state]} style={{ marginInlineEnd: 0 }}>
      {t(`inspections.state.${state}`)}
    </Tag>
  );
}
