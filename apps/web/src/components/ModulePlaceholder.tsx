import { Badge, EmptyState, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { moduleByKey, type ModuleKey } from '../lib/modules';
import { PageHeader } from './PageHeader';

/** The page of a module another team is building: what will be here and what to do first. */
export function ModulePlaceholder({ module }: { module: Exclude<ModuleKey, 'admin'> }) {
  const { t } = useTranslation();
  const { icon: Icon, color } = moduleByKey(module);
  return (
    <>
      <PageHeader
        title={t(`nav.${module}`)}
        description={t(`modules.${module}.description`)}
        actions={
          <Badge variant="light" color="gray" size="lg" tt="none">
            {t('modules.comingSoon')}
          </Badge>
        }
      />
      <Paper radius="md" py={64} px="xl">
        <EmptyState size="lg" variant="light" color={color} maw={560} mx="auto">
          <EmptyState.Indicator>
            <Icon />
          </EmptyState.Indicator>
          <EmptyState.Title order={3}>{t(`modules.${module}.emptyTitle`)}</EmptyState.Title>
          <EmptyState.Description>{t(`modules.${module}.emptyBody`)}</EmptyState.Description>
        </EmptyState>
      </Paper>
    </>
  );
}
