import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconInbox, IconPackageImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/time';
import type { Handover } from '../api';
import { formatNumber } from '../../../lib/quantity';

/** Handovers sent to this department and not yet counted in; the line accepts each with its own count. */
export function IncomingHandovers({
  handovers,
  canAccept,
  onAccept,
}: {
  handovers: readonly Handover[];
  canAccept: boolean;
  onAccept: (handover: Handover) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (handovers.length === 0)
    return (
      <Group gap="xs" c="dimmed">
        <IconInbox size={18} />
        <Text size="sm">{t('production.incoming.none')}</Text>
      </Group>
    );
  return (
    <Stack gap="sm">
      {handovers.map((h) => (
        <Paper
          key={h.id}
          p="md"
          radius="md"
          bg="var(--mantine-color-blue-0)"
          component="article"
          aria-label={h.number}
        >
          <Group justify="space-between" wrap="wrap" gap="sm">
            <div>
              <Text fw={800} fz="lg">
                {t('production.incoming.what', {
                  quantity: formatNumber(h.quantity, lang),
                  product: h.productCode ?? '',
                })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('production.incoming.from', {
                  department: t(`departments.${h.fromDepartment}`),
                  batch: h.batchNumber,
                  number: h.number,
                })}
              </Text>
              <Text size="xs" c="dimmed">
                {h.sentBy?.fullName ?? t('common.none')} · {formatDateTime(h.createdAt, lang)}
              </Text>
            </div>
            {canAccept && (
              <Button size="lg" color="teal" leftSection={<IconPackageImport />} onClick={() => onAccept(h)}>
                {t('production.incoming.accept')}
              </Button>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
