import type { KanbanAction, KanbanStatus, Priority } from '@kapok/contracts';

export const PRIORITY_COLOR: Record<Priority, string> = {
  URGENT: 'red',
  HIGH: 'orange',
  NORMAL: 'blue',
  LOW: 'gray',
};

export const STATUS_COLOR: Record<KanbanStatus, string> = {
  REQUESTED: 'yellow',
  APPROVED: 'blue',
  IN_TRANSIT: 'violet',
  RECEIVED: 'green',
  REJECTED: 'red',
  CANCELLED: 'gray',
};

/** The forward step is the filled button; turning a card away is the quiet one. */
export const ACTION_STYLE: Record<KanbanAction, { variant: 'filled' | 'light' | 'subtle'; color?: string }> =
  {
    approve: { variant: 'filled' },
    ship: { variant: 'filled' },
    receive: { variant: 'filled', color: 'green' },
    reject: { variant: 'light', color: 'red' },
    cancel: { variant: 'subtle', color: 'gray' },
  };

export const ACTION_ORDER: readonly KanbanAction[] = ['approve', 'ship', 'receive', 'reject', 'cancel'];
