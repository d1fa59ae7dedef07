import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NoAccessPage } from '../../../components/AccessPages';
import { PageHeader } from '../../../components/PageHeader';
import { usePermission } from '../../../lib/auth';
import { BomEditor } from './editor/BomEditor';

export function BomCreatePage() {
  const { t } = useTranslation();
  if (!usePermission('bom.create')) return <NoAccessPage permission="bom.create" />;
  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/bom">
          {t('bom.list.title')}
        </Anchor>
        <Text size="sm">{t('bom.editor.createTitle')}</Text>
      </Breadcrumbs>
      <PageHeader title={t('bom.editor.createTitle')} description={t('bom.editor.createDescription')} />
      <BomEditor />
    </>
  );
}
