import { Alert, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { BomDiffView } from '../shared/BomDiffView';
import type { BomDiff } from '../shared/bom-diff';

export interface Conflict {
  /** The revision someone else saved, now in the editor. */
  revision: number;
  theirs: BomDiff;
  mine: BomDiff;
}

/**
 * Shown when someone saved the BOM while this user was editing it: the editor now holds the latest
 * revision, and both sides' changes are listed so the user can apply theirs again. Nothing is
 * overwritten unless the user asks for their own version back and saves it.
 */
export function ConflictPanel({
  conflict,
  onRestoreMine,
  onDismiss,
}: {
  conflict: Conflict;
  onRestoreMine: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconGitMerge />}
      title={t('bom.conflict.title', { revision: conflict.revision })}
      role="alert"
    >
      <Stack gap="md">
        <Text size="sm">{t('bom.conflict.body', { revision: conflict.revision })}</Text>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <div>
            <Text size="sm" fw={700} mb={6}>
              {t('bom.conflict.theirs', { revision: conflict.revision })}
            </Text>
            <BomDiffView
              diff={conflict.theirs}
              label={t('bom.conflict.theirs', { revision: conflict.revision })}
            />
          </div>
          <div>
            <Text size="sm" fw={700} mb={6}>
              {t('bom.conflict.mine')}
            </Text>
            <BomDiffView diff={conflict.mine} label={t('bom.conflict.mine')} />
          </div>
        </SimpleGrid>
        <Group gap="sm">
          <Button size="xs" variant="default" onClick={onRestoreMine}>
            {t('bom.conflict.restoreMine')}
          </Button>
          <Button size="xs" variant="subtle" color="gray" onClick={onDismiss}>
            {t('bom.conflict.dismiss')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
