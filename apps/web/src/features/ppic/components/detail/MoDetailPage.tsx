import {
  Alert,
  Anchor,
  Badge,
  Button,
  DataList,
  Grid,
  Group,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { ApiError } from '@kapok/api-client';
import { MO_EDITABLE_STATES, type MoAction } from '@kapok/contracts';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconCircleCheck,
  IconPencil,
  IconSnowflake,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFoundPage } from '../../../../components/AccessPages';
import { ErrorState } from '../../../../components/ErrorState';
import { PageLoader } from '../../../../components/LoadingState';
import { formatDateTime } from '../../../../lib/time';
import { usePermission } from '../../../../lib/auth';
import { moQueries, planningQueries, type MoDetail } from '../../api';
import { CreateMoModal, draftValues } from '../create/CreateMoModal';
import { ACTION_APPEARANCE, ACTION_ORDER, LateBadge, MoStateBadge, RouteChain } from '../shared/appearance';
import { formatDay, formatQuantity, formatSignedFraction } from '../shared/format';
import { DraftMaterials } from './DraftMaterials';
import { MaterialsTable } from './MaterialsTable';
import { MoTimeline } from './MoTimeline';
import { TransitionDialog } from './TransitionDialog';
import { WorkOrderProgress } from './WorkOrderProgress';

/** One manufacturing order: what it makes, who moved it when, how far each department is, its materials. */
export function MoDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const order = useQuery(moQueries.detail(id));
  const [action, setAction] = useState<MoAction | null>(null);
  const [editing, setEditing] = useState(false);
  const canEdit = usePermission('ppic.update');

  if (order.isPending) return <PageLoader />;
  if (order.isError) {
    if (order.error instanceof ApiError && (order.error.status === 404 || order.error.status === 400))
      return <NotFoundPage />;
    return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  }
  const mo = order.data;
  const editable = canEdit && MO_EDITABLE_STATES.includes(mo.state);
  const actions = ACTION_ORDER.filter((a) => mo.actions.includes(a));
  const short = mo.materials.filter((m) => (m.shortage ?? 0) > 0);

  return (
    <>
      <title>{`${mo.batchNumber} · Kapok`}</title>
      <Anchor component={Link} to="/ppic" size="sm" mb="xs" display="inline-flex" style={{ gap: 4 }}>
        <IconArrowLeft size={16} /> {t('ppic.detail.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} ff="monospace">
              {mo.batchNumber}
            </Title>
            <MoStateBadge state={mo.state} size="lg" data-testid="mo-state" />
            {mo.late && <LateBadge />}
          </Group>
          <Text c="dimmed">
            <Text span fw={700} c="var(--mantine-color-text)">
              {mo.productCode}
            </Text>{' '}
            · {mo.productName}
          </Text>
        </Stack>
        {(actions.length > 0 || editable) && (
          <Group gap="sm">
            {editable && (
              <Button
                variant="default"
                leftSection={<IconPencil size={16} />}
                onClick={() => setEditing(true)}
              >
                {t('ppic.detail.edit')}
              </Button>
            )}
            {actions.map((a) => {
              const { color, icon: Icon } = ACTION_APPEARANCE[a];
              return (
                <Button
                  key={a}
                  color={color}
                  variant={a === 'cancel' || a === 'return' ? 'light' : 'filled'}
                  leftSection={<Icon size={16} />}
                  onClick={() => setAction(a)}
                >
                  {t(`ppic.actions.${a}`)}
                </Button>
              );
            })}
          </Group>
        )}
      </Group>

      {mo.state === 'APPROVED' && mo.materials.length > 0 && (
        <Alert
          color={short.length ? 'red' : 'green'}
          variant="light"
          icon={short.length ? <IconAlertTriangle /> : <IconCircleCheck />}
          mb="md"
          title={short.length ? t('ppic.detail.shortTitle', { count: short.length }) : undefined}
          data-testid="approved-material-check"
        >
          {short.length ? t('ppic.detail.shortBody') : t('ppic.detail.allCovered')}
        </Alert>
      )}

      {mo.varianceWarning && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />} mb="md">
          {t('ppic.detail.varianceBanner', {
            produced: formatQuantity(mo.producedQuantity ?? 0, mo.uom, i18n.language),
            planned: formatQuantity(mo.plannedQuantity, mo.uom, i18n.language),
            variance: formatSignedFraction((mo.variancePercent ?? 0) / 100, i18n.language),
          })}
        </Alert>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <Section title={t('ppic.detail.workOrders')}>
              <WorkOrderProgress route={mo.route} workOrders={mo.workOrders} uom={mo.uom} />
            </Section>
            <Section
              title={t('ppic.detail.materials')}
              extra={
                mo.bomRevision !== null ? (
                  <Badge variant="light" color="cyan" tt="none" leftSection={<IconSnowflake size={12} />}>
                    {t('ppic.detail.frozenRevision', { revision: mo.bomRevision })}
                  </Badge>
                ) : undefined
              }
            >
              {mo.materials.length === 0 && mo.state === 'DRAFT' ? (
                <DraftMaterials mo={mo} />
              ) : (
                <MaterialsTable materials={mo.materials} />
              )}
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <Section title={t('ppic.detail.summary')}>
              <Summary mo={mo} />
            </Section>
            <Section title={t('ppic.detail.timeline')}>
              <MoTimeline entries={mo.timeline} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      {action && <TransitionDialog mo={mo} action={action} onClose={() => setAction(null)} />}
      {editing && editable && <EditDraft mo={mo} onClose={() => setEditing(false)} />}
    </>
  );
}

/** The create form over a draft, once its product is loaded. */
function EditDraft({ mo, onClose }: { mo: MoDetail; onClose: () => void }) {
  const product = useQuery(planningQueries.product(mo.productId));
  if (!product.data) return null;
  return (
    <CreateMoModal
      opened
      onClose={onClose}
      editing={{
        id: mo.id,
        batchNumber: mo.batchNumber,
        version: mo.version,
        product: product.data,
        values: draftValues(mo),
      }}
    />
  );
}

function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Paper p="md" radius="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="md">
          {title}
        </Title>
        {extra}
      </Group>
      {children}
    </Paper>
  );
}

/** The sales-order line the MO serves: a link for whoever may read sales orders. */
function SalesOrderLineLink({ line }: { line: MoDetail['salesOrderLine'] }) {
  const { t } = useTranslation();
  const canSeeSales = usePermission('sales.view');
  if (!line) return t('ppic.detail.noSalesOrderLine');
  const label = t('ppic.detail.salesOrderLine', {
    number: line.salesOrderNumber,
    line: line.lineNo,
    week: line.deliveryWeek,
    destination: line.destination,
  });
  return canSeeSales ? (
    <Anchor component={Link} to={`/sales/orders/${line.salesOrderId}`} size="sm">
      {label}
    </Anchor>
  ) : (
    label
  );
}

function Summary({ mo }: { mo: MoDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const none = t('common.none');
  const quantity = (v: number) => formatQuantity(v, mo.uom, lang);
  const rows: [string, ReactNode][] = [
    [t('ppic.fields.plannedQuantity'), quantity(mo.plannedQuantity)],
    [t('ppic.fields.produced'), mo.producedQuantity === null ? none : quantity(mo.producedQuantity)],
    [
      t('ppic.fields.variance'),
      mo.variancePercent === null ? (
        none
      ) : (
        <Text span size="sm" c={mo.varianceWarning ? 'orange.8' : undefined} fw={600}>
          {formatSignedFraction(mo.variancePercent / 100, lang)}
        </Text>
      ),
    ],
    [
      t('ppic.fields.route'),
      <Stack gap={0} key="route">
        <Text size="sm">{t(`ppic.route.${mo.route}`)}</Text>
        <RouteChain route={mo.route} size="xs" />
      </Stack>,
    ],
    [
      t('ppic.fields.dueDate'),
      mo.dueDate ? (
        <Text span size="sm" c={mo.late ? 'red.8' : undefined} fw={mo.late ? 700 : undefined}>
          {formatDay(mo.dueDate, lang)}
        </Text>
      ) : (
        none
      ),
    ],
    [t('ppic.fields.week'), mo.week ?? none],
    [t('ppic.fields.destination'), mo.destination ?? none],
    [t('ppic.fields.salesOrderLine'), <SalesOrderLineLink key="so" line={mo.salesOrderLine} />],
    [
      t('ppic.fields.bomRevision'),
      mo.bomRevision === null
        ? t('ppic.detail.notFrozen')
        : t('ppic.detail.revisionFrozen', { revision: mo.bomRevision }),
    ],
    [
      t('ppic.fields.createdBy'),
      mo.createdBy
        ? `${mo.createdBy.fullName} · ${formatDateTime(mo.createdAt, lang)}`
        : formatDateTime(mo.createdAt, lang),
    ],
  ];
  if (mo.notes) rows.push([t('ppic.fields.notes'), mo.notes]);
  if (mo.qualityNotes) rows.push([t('ppic.fields.qualityNotes'), mo.qualityNotes]);
  if (mo.cancelReason) rows.push([t('ppic.fields.cancelReason'), mo.cancelReason]);

  return (
    <DataList size="sm" labelWidth={120} withDivider>
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
