import { zodResolver } from '@hookform/resolvers/zod';
import { ApiError } from '@kapok/api-client';
import { ROUTES, type Route } from '@kapok/contracts';
import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Modal,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller, useForm, useWatch, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../../../components/NumberField';
import { useNavigate } from 'react-router';
import { usePermission } from '../../../../lib/auth';
import { fieldErrors } from '../../../../lib/errors';
import {
  planningQueries,
  useCreateMo,
  useUpdateMo,
  type CreateMoBody,
  type Mo,
  type PlannableProduct,
} from '../../api';
import { useActionKey } from '../shared/action-key';
import { RouteChain } from '../shared/appearance';
import { describePpicError } from '../shared/errors';
import { addDays, factoryToday, formatShortDay, productionWeek, weekMonday } from '../shared/format';
import { departmentsOffRoute, ExplosionPreview, type PreviewState } from './ExplosionPreview';
import {
  CREATE_FIELDS,
  createMoSchema,
  isRoute,
  type CreateMoOutput,
  type CreateMoValues,
} from './mo-schema';
import { ProductSelect } from './ProductSelect';
import { useUnsavedChangesGuard } from '../../../../components/UnsavedChangesGuard';
import { DateField } from '../../../../components/DateField';

const ROUTE_NAMES = Object.keys(ROUTES) as Route[];
/** The preview waits for the planner to stop typing before it explodes the BOM again. */
const PREVIEW_DEBOUNCE_MS = 400;

const emptyValues = (): CreateMoValues => ({
  productId: '',
  plannedQuantity: Number.NaN,
  route: '',
  week: productionWeek(factoryToday()),
  dueDate: '',
  destination: '',
  notes: '',
});

/** Last week, this week and the next twelve, named as on the planning board, with their Mondays. */
function weekOptions(lang: string) {
  const today = factoryToday();
  return Array.from({ length: 14 }, (_, i) => {
    const week = productionWeek(addDays(today, (i - 1) * 7));
    const monday = weekMonday(week);
    return {
      value: week,
      label: `${week} · ${formatShortDay(monday, lang)}`,
    };
  });
}

/** A draft being edited: its plan as the form holds it, its product and the version it was read at. */
export interface EditedDraft {
  id: string;
  batchNumber: string;
  version: number;
  product: PlannableProduct;
  values: CreateMoValues;
}

/** The form's values of an order (what a PUT sends back). */
export const draftValues = (mo: Mo): CreateMoValues => ({
  productId: mo.productId,
  plannedQuantity: mo.plannedQuantity,
  route: mo.route,
  week: mo.week ?? '',
  dueDate: mo.dueDate ?? '',
  destination: mo.destination ?? '',
  notes: mo.notes ?? '',
});

/** Creates a draft, or (with `editing`) rewrites one at its version: the same form and preview. */
export function CreateMoModal({
  opened,
  onClose,
  editing,
}: {
  opened: boolean;
  onClose: () => void;
  editing?: EditedDraft;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateMo();
  const update = useUpdateMo();
  const saving = editing ? update : create;
  const canReadBoms = usePermission('bom.view');
  const { keyFor, forget } = useActionKey();
  const [product, setProduct] = useState<PlannableProduct | null>(editing?.product ?? null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isDirty },
  } = useForm<CreateMoValues, unknown, CreateMoOutput>({
    resolver: zodResolver(createMoSchema),
    defaultValues: editing?.values ?? emptyValues(),
  });
  // Saving navigates to the new order: guard.release() lets that navigation through.
  const guard = useUnsavedChangesGuard(opened && isDirty);

  const quantity = useWatch({ control, name: 'plannedQuantity' });
  const routeValue = useWatch({ control, name: 'route' });
  const route = isRoute(routeValue) ? routeValue : null;
  const [previewQuantity] = useDebouncedValue(quantity, PREVIEW_DEBOUNCE_MS);
  const previewable = canReadBoms && !!product;
  const bom = useQuery({ ...planningQueries.activeBom(product?.id ?? ''), enabled: previewable });
  const explodable = !!bom.data && Number.isFinite(previewQuantity) && previewQuantity > 0;
  const explosion = useQuery({
    ...planningQueries.explosion(bom.data?.id ?? '', previewQuantity),
    enabled: explodable,
  });

  const preview: PreviewState = !previewable
    ? { kind: 'idle' }
    : bom.isPending
      ? { kind: 'loading' }
      : bom.isError
        ? { kind: 'error', error: bom.error }
        : !bom.data
          ? { kind: 'no-bom', productCode: product.code }
          : !explodable
            ? { kind: 'idle' }
            : explosion.isPending
              ? { kind: 'loading' }
              : explosion.isError
                ? { kind: 'error', error: explosion.error }
                : {
                    kind: 'ready',
                    bom: bom.data,
                    explosion: explosion.data,
                    stale: explosion.isPlaceholderData || previewQuantity !== quantity,
                  };
  // Routes that pass through every department the BOM needs.
  const fitting =
    preview.kind === 'ready'
      ? ROUTE_NAMES.filter((r) => departmentsOffRoute(preview.explosion, r).length === 0)
      : [];
  const weeks = useMemo(() => weekOptions(i18n.language), [i18n.language]);

  const close = () => {
    reset(editing?.values ?? emptyValues());
    setProduct(editing?.product ?? null);
    create.reset();
    update.reset();
    forget();
    onClose();
  };

  const send = (values: CreateMoOutput) => {
    const body: CreateMoBody = {
      productId: values.productId,
      plannedQuantity: values.plannedQuantity,
      route: values.route,
      ...(values.week ? { week: values.week } : {}),
      ...(values.dueDate ? { dueDate: values.dueDate } : {}),
      ...(values.destination.trim() ? { destination: values.destination.trim() } : {}),
      ...(values.notes.trim() ? { notes: values.notes.trim() } : {}),
    };
    const onError = (error: Error) => {
      for (const [field, message] of Object.entries(fieldErrors(error)))
        if ((CREATE_FIELDS as readonly string[]).includes(field))
          setError(field as Path<CreateMoValues>, {
            type: 'server',
            message: field === 'productId' ? describePpicError(error, t).message : message,
          });
    };
    if (editing) {
      update.mutate(
        { id: editing.id, body: { ...body, version: editing.version } },
        {
          onSuccess: (mo) => {
            notifications.show({
              color: 'green',
              message: t('ppic.create.saved', { number: mo.batchNumber }),
            });
            guard.release();
            onClose();
          },
          onError,
        },
      );
      return;
    }
    create.mutate(
      { body, idempotencyKey: keyFor(body) },
      {
        onSuccess: (mo) => {
          notifications.show({
            color: 'green',
            message: t('ppic.create.created', { number: mo.batchNumber }),
          });
          close();
          guard.release();
          void navigate(`/ppic/orders/${mo.id}`);
        },
        onError,
      },
    );
  };

  const stale = saving.error instanceof ApiError && saving.error.code === 'STALE_VERSION';
  const placed = Object.keys(fieldErrors(saving.error)).some((f) =>
    (CREATE_FIELDS as readonly string[]).includes(f),
  );
  const message = (key?: string) => (key ? t(key) : undefined);

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={editing ? t('ppic.create.editTitle', { number: editing.batchNumber }) : t('ppic.create.title')}
      size={1080}
    >
      <form onSubmit={(event) => void handleSubmit(send)(event)} noValidate>
        {guard.dialog}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="sm">
              {saving.error && !placed && (
                <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
                  {stale ? t('ppic.create.stale') : describePpicError(saving.error, t).message}
                </Alert>
              )}
              <Controller
                control={control}
                name="productId"
                render={({ field }) => (
                  <ProductSelect
                    value={product}
                    onChange={(p) => {
                      setProduct(p);
                      field.onChange(p?.id ?? '');
                    }}
                    onBlur={field.onBlur}
                    error={message(errors.productId?.message)}
                  />
                )}
              />
              <Controller
                control={control}
                name="plannedQuantity"
                render={({ field }) => (
                  <NumberField
                    label={t('ppic.create.quantity')}
                    withAsterisk
                    unit={product?.uom}
                    min={0}
                    minExclusive
                    max={1_000_000}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={message(errors.plannedQuantity?.message)}
                  />
                )}
              />
              <Controller
                control={control}
                name="route"
                render={({ field }) => (
                  <Radio.Group
                    label={t('ppic.create.route')}
                    description={t('ppic.create.routeHint')}
                    withAsterisk
                    value={field.value}
                    onChange={field.onChange}
                    error={message(errors.route?.message)}
                  >
                    <Stack gap={6} mt={6}>
                      {ROUTE_NAMES.map((r) => (
                        <Radio.Card key={r} value={r} p="xs" radius="md">
                          <Group wrap="nowrap" gap="sm" align="center">
                            <Radio.Indicator />
                            <div style={{ flex: 1 }}>
                              <Group gap={6}>
                                <Text size="sm" fw={700}>
                                  {t(`ppic.route.${r}`)}
                                </Text>
                                {fitting.includes(r) && (
                                  <Badge size="xs" color="green" variant="light" tt="none">
                                    {t('ppic.create.fitsBom')}
                                  </Badge>
                                )}
                              </Group>
                              <RouteChain route={r} size="xs" />
                            </div>
                          </Group>
                        </Radio.Card>
                      ))}
                    </Stack>
                  </Radio.Group>
                )}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Controller
                  control={control}
                  name="week"
                  render={({ field }) => (
                    <Select
                      label={t('ppic.create.week')}
                      description={t('ppic.create.weekHint')}
                      data={weeks}
                      clearable
                      value={field.value || null}
                      onChange={(v) => field.onChange(v ?? '')}
                      onBlur={field.onBlur}
                      error={message(errors.week?.message)}
                    />
                  )}
                />
                <Controller
                  control={control}
                  name="dueDate"
                  render={({ field }) => (
                    <DateField
                      label={t('ppic.create.dueDate')}
                      description={t('ppic.create.dueDateHint')}
                      clearable
                      min={factoryToday()}
                      value={field.value}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      ref={field.ref}
                      error={message(errors.dueDate?.message)}
                    />
                  )}
                />
              </SimpleGrid>
              <TextInput
                label={t('ppic.create.destination')}
                placeholder={t('ppic.create.destinationPlaceholder')}
                error={message(errors.destination?.message)}
                {...register('destination')}
              />
              <Textarea
                label={t('ppic.create.notes')}
                rows={2}
                error={message(errors.notes?.message)}
                {...register('notes')}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            {canReadBoms ? (
              <ExplosionPreview state={preview} route={route} />
            ) : (
              <Alert color="gray" variant="light">
                {t('ppic.preview.noPermission')}
              </Alert>
            )}
          </Grid.Col>
        </Grid>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving.isPending} disabled={preview.kind === 'no-bom' || stale}>
            {editing ? t('ppic.create.save') : t('ppic.create.submit')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
