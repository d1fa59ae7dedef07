import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../../lib/auth';
import { planningQueries, type MoDetail } from '../../api';
import { ExplosionPreview, type PreviewState } from '../create/ExplosionPreview';

/**
 * Before approval nothing is frozen yet: show what the active BOM needs for the planned quantity against
 * free stock now, so the approver sees shortages (and a route that does not fit) before approving.
 */
export function DraftMaterials({ mo }: { mo: MoDetail }) {
  const { t } = useTranslation();
  const canReadBoms = usePermission('bom.view');
  const bom = useQuery({ ...planningQueries.activeBom(mo.productId), enabled: canReadBoms });
  const explosion = useQuery({
    ...planningQueries.explosion(bom.data?.id ?? '', mo.plannedQuantity),
    enabled: !!bom.data,
  });
  if (!canReadBoms)
    return (
      <Text size="sm" c="dimmed">
        {t('ppic.detail.noMaterials')}
      </Text>
    );
  const state: PreviewState = bom.isPending
    ? { kind: 'loading' }
    : bom.isError
      ? { kind: 'error', error: bom.error }
      : !bom.data
        ? { kind: 'no-bom', productCode: mo.productCode }
        : explosion.isPending
          ? { kind: 'loading' }
          : explosion.isError
            ? { kind: 'error', error: explosion.error }
            : { kind: 'ready', bom: bom.data, explosion: explosion.data, stale: false };
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('ppic.detail.draftMaterials')}
      </Text>
      <ExplosionPreview state={state} route={mo.route} framed={false} />
    </Stack>
  );
}
