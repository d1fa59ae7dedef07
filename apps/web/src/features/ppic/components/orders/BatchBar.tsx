import { Button, Group, Paper, Text } from '@mantine/core';
import type { MoAction } from '@kapok/contracts';
import { useTranslation } from 'react-i18next';
import type { BatchAction, Mo } from '../../api';
import { ACTION_APPEARANCE, ACTION_ORDER } from '../shared/appearance';

/** Orders of the selection that `action` applies to now (the server says per order what this user may do). */
export const eligibleFor = (orders: readonly Mo[], action: MoAction) =>
  orders.filter((mo) => mo.actions.includes(action));

/** The selection and what can be done to it: one button per action at least one selected order allows. */
export function BatchBar({
  orders,
  onAction,
  onClear,
}: {
  orders: readonly Mo[];
  onAction: (action: BatchAction) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  // A return needs its own reason per order, so it is offered on the order's page only.
  const offered = ACTION_ORDER.filter(
    (action): action is BatchAction => action !== 'return' && eligibleFor(orders, action).length > 0,
  );
  return (
    <Paper
      p="sm"
      radius="md"
      bg="var(--mantine-primary-color-light)"
      role="region"
      aria-label={t('ppic.batch.region')}
    >
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm">
          <Text size="sm" fw={700}>
            {t('ppic.batch.selected', { count: orders.length })}
          </Text>
          <Button variant="subtle" size="compact-sm" color="gray" onClick={onClear}>
            {t('ppic.batch.clear')}
          </Button>
        </Group>
        <Group gap="xs">
          {offered.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('ppic.batch.nothingToDo')}
            </Text>
          )}
          {offered.map((action) => {
            const { color, icon: Icon } = ACTION_APPEARANCE[action];
            const count = eligibleFor(orders, action).length;
            return (
              <Button
                key={action}
                color={color}
                variant={action === 'cancel' ? 'light' : 'filled'}
                leftSection={<Icon size={16} />}
                onClick={() => onAction(action)}
              >
                {t(`ppic.batch.button.${action}`, { count })}
              </Button>
            );
          })}
        </Group>
      </Group>
    </Paper>
  );
}
