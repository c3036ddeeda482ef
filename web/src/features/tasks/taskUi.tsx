import { Tag } from 'antd';
import {
  taskOutcomeLabels,
  taskStatusLabels,
  type TaskOutcome,
  type TaskStatus,
} from './contracts.ts';

const statusColors: Record<TaskStatus, string> = {
  submitted: 'blue',
  returned: 'orange',
  approved: 'green',
  rejected: 'default',
};
const outcomeColors: Record<TaskOutcome, string> = {
  exceeded: 'green',
  on_time: 'cyan',
  late: 'orange',
  not_done: 'red',
};

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  return (
    <Tag color={statusColors[status]} data-testid="task-status">
      {taskStatusLabels[status]}
    </Tag>
  );
}

export function TaskOutcomeTag({
  outcome,
  overdue,
}: {
  outcome: TaskOutcome | null;
  overdue?: boolean;
}) {
  if (outcome) {
    return (
      <Tag color={outcomeColors[outcome]} data-testid="task-outcome">
        {taskOutcomeLabels[outcome]}
      </Tag>
    );
  }
  return overdue ? <Tag color="red">Quá hạn</Tag> : null;
}

/** Years offered in the filters: a few back and ahead of this one. */
export const yearOptions = (() => {
  const y = new Date().getFullYear();
  return Array.from({ length: 8 }, (_, i) => y - 5 + i).map((v) => ({
    value: v,
    label: String(v),
  }));
})();
