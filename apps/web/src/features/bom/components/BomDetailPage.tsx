import { Alert, Anchor, Badge, Breadcrumbs, Button, Group, Modal, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBinaryTree2, IconCalculator, IconHistory, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useRoutes } from 'react-router';
import { NotFoundPage } from '../../../components/AccessPages';
import { Can } from '../../../components/Can';
import { ErrorState } from '../../../components/ErrorState';
import { PageLoader } from '../../../components/LoadingState';
import { PageHeader } from '../../../components/PageHeader';
import { usePermission } from '../../../lib/auth';
import { isApiError } from '../../../lib/errors';
import { bomQueries, useDeleteBom, type Bom } from '../api';
import { BomEditor } from './editor/BomEditor';
import { ExplosionPreview } from './explosion/ExplosionPreview';
import { RevisionHistory } from './history/RevisionHistory';
import { BomStructure } from './shared/BomStructure';
import { describeBomError } from './shared/bom-errors';

const TABS = [
  { value: 'structure', path: '', icon: IconBinaryTree2 },
  { value: 'history', path: 'history', icon: IconHistory },
  { value: 'explode', path: 'explode', icon: IconCalculator },
] as const;

/** One BOM: its structure (edited in place by engineers), its revisions and an explosion preview. */
export function BomDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const canUpdate = usePermission('bom.update');
  const bom = useQuery(bomQueries.detail(id));
  const page = useRoutes([
    {
      index: true,
      element: bom.data ? (
        canUpdate ? (
          <BomEditor key={bom.data.id} bom={bom.data} />
        ) : (
          <BomStructure bom={bom.data} />
        )
      ) : null,
    },
    { path: 'history', element: <RevisionHistory bomId={id} /> },
    { path: 'explode', element: bom.data ? <ExplosionPreview bom={bom.data} /> : null },
    { path: '*', element: <NotFoundPage /> },
  ]);

  if (bom.isPending) return <PageLoader />;
  if (bom.isError)
    return isApiError(bom.error, 'NOT_FOUND') ? (
      <NotFoundPage />
    ) : (
      <ErrorState error={bom.error} onRetry={() => void bom.refetch()} />
    );

  const tab = TABS.find((x) => x.path && pathname.endsWith(`/${x.path}`))?.value ?? 'structure';
  const b = bom.data;

  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/bom">
          {t('bom.list.title')}
        </Anchor>
        <Text size="sm">{b.productCode}</Text>
      </Breadcrumbs>
      <PageHeader
        title={`${b.productCode} · ${b.productName}`}
        description={t('bom.detail.description', {
          type: t(`bom.types.${b.bomType}`),
          revision: b.revision,
          lines: t('bom.editor.lineCount', { count: b.lines.length }),
        })}
        actions={
          <>
            <Badge size="lg" variant="light" color={b.bomType === 'KIT' ? 'orange' : 'grape'} tt="none">
              {t(`bom.types.${b.bomType}`)}
            </Badge>
            <Badge size="lg" variant="filled" tt="none">
              {t('bom.revisionN', { revision: b.revision })}
            </Badge>
            {!b.active && (
              <Badge size="lg" variant="outline" color="gray" tt="none">
                {t('bom.inactive')}
              </Badge>
            )}
            <Can permission="bom.delete">
              <DeleteBomButton bom={b} onDeleted={() => void navigate('/bom')} />
            </Can>
          </>
        }
      />
      <Tabs
        value={tab}
        onChange={(v) => {
          const target = TABS.find((x) => x.value === v);
          if (target) void navigate(target.path ? `/bom/${id}/${target.path}` : `/bom/${id}`);
        }}
        mb="lg"
      >
        <Tabs.List>
          {TABS.map(({ value, icon: Icon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} />}>
              {t(`bom.detail.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {page}
    </>
  );
}

function DeleteBomButton({ bom, onDeleted }: { bom: Bom; onDeleted: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const remove = useDeleteBom();
  const orders = isApiError(remove.error, 'BOM_IN_USE')
    ? ((remove.error.body.details as { orders?: string[] } | undefined)?.orders ?? [])
    : [];
  const close = () => {
    setOpen(false);
    remove.reset();
  };
  return (
    <>
      <Button
        variant="subtle"
        color="red"
        leftSection={<IconTrash size={16} />}
        onClick={() => setOpen(true)}
      >
        {t('bom.delete.button')}
      </Button>
      <Modal opened={open} onClose={close} title={t('bom.delete.title', { code: bom.productCode })}>
        <Stack>
          <Text size="sm">{t('bom.delete.body', { code: bom.productCode })}</Text>
          {remove.error ? (
            <Alert color="red" variant="light" role="alert">
              {orders.length
                ? t('bom.delete.inUse', { orders: orders.join(', ') })
                : describeBomError(remove.error, t)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(bom.id, {
                  onSuccess: () => {
                    notifications.show({
                      color: 'green',
                      message: t('bom.delete.done', { code: bom.productCode }),
                    });
                    setOpen(false);
                    onDeleted();
                  },
                })
              }
            >
              {t('bom.delete.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
