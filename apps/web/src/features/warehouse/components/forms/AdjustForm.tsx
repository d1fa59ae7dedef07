import { zodResolver } from '@hookform/resolvers/zod';
import { Group, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Unit } from '@kapok/contracts';
import { useQuery } from '@tanstack/react-query';
import { useController, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { locationQueries, productQueries, stockQueries } from '../../api';
import { formatQuantity } from '../format';
import {
  ANY_LOT,
  convertedQuantity,
  LocationField,
  LotField,
  lotsAt,
  ProductField,
  QuantityField,
  useFieldMessage,
} from './fields';
import { placeFieldErrors } from './posting-errors';
import { PostingError } from './PostingError';
import { FormButtons } from './ReceiveForm';
import { adjustSchema, type AdjustValues } from './schemas';
import { stockByLocation } from './stock-at';
import { usePostingSubmit } from './use-posting-submit';
import { UnsavedChangesGuard } from '../../../../components/UnsavedChangesGuard';

const FIELDS = ['productId', 'locationId', 'lotId', 'countedQuantity', 'uom', 'reason'] as const;
const INTERNAL = new Set(['WAREHOUSE', 'LINE', 'TRANSIT']);
const round4 = (n: number) => Math.round(n * 1e4) / 1e4;

/** A stock count: what was counted replaces what is on hand; the difference goes to or from LOSS. */
export function AdjustForm({ productId, onDone }: { productId?: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const message = useFieldMessage();
  const { submit, pending, banner } = usePostingSubmit();
  const {
    control,
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isDirty },
  } = useForm<AdjustValues>({
    resolver: zodResolver(adjustSchema),
    defaultValues: {
      productId: productId ?? '',
      locationId: '',
      lotId: ANY_LOT,
      countedQuantity: '',
      uom: '',
      reason: '',
    },
  });
  const product = useController({ control, name: 'productId' });
  const location = useController({ control, name: 'locationId' });
  const lot = useController({ control, name: 'lotId' });
  const counted = useController({ control, name: 'countedQuantity' });
  const uom = useController({ control, name: 'uom' });
  const [chosenProduct, chosenLocation, chosenLot] = useWatch({
    control,
    name: ['productId', 'locationId', 'lotId'],
  });

  const productQuery = useQuery({ ...productQueries.detail(chosenProduct), enabled: !!chosenProduct });
  const stock = useQuery({ ...stockQueries.product(chosenProduct), enabled: !!chosenProduct });
  const locations = useQuery(locationQueries.all());
  const internal = (locations.data ?? []).filter((l) => l.active && INTERNAL.has(l.type));
  const atLocation = stockByLocation(stock.data?.balances);
  const lots = chosenLocation && stock.data ? lotsAt(stock.data.balances, chosenLocation) : [];
  const stockItem = productQuery.data;

  // What the count changes, in the stock unit, as the user types.
  const onHandNow =
    chosenLocation && stock.data
      ? chosenLot === ANY_LOT
        ? (atLocation.get(chosenLocation)?.onHand ?? 0)
        : (lots.find((b) => b.lotId === chosenLot)?.onHand ?? 0)
      : null;
  const [countedValue, unitValue] = useWatch({ control, name: ['countedQuantity', 'uom'] });
  const unit = (unitValue || stockItem?.uom) as Unit | undefined;
  const countedStock =
    stockItem && unit && countedValue.trim() !== '' && Number.isFinite(Number(countedValue))
      ? unit === stockItem.uom
        ? Number(countedValue)
        : Number(convertedQuantity(countedValue, unit, stockItem) ?? NaN)
      : null;
  const difference =
    onHandNow !== null && countedStock !== null && Number.isFinite(countedStock)
      ? round4(countedStock - onHandNow)
      : null;
  const q = (n: number) => formatQuantity(n, stockItem?.uom ?? '', i18n.language);
  const signed = (n: number) => (n > 0 ? `+${q(n)}` : q(n));

  const onSubmit = handleSubmit((values) => {
    const locationCode = internal.find((l) => l.id === values.locationId)?.code ?? '';
    submit(
      {
        kind: 'adjust',
        body: {
          productId: values.productId,
          locationId: values.locationId,
          lotId: values.lotId === ANY_LOT ? undefined : values.lotId,
          countedQuantity: Number(values.countedQuantity),
          uom: (values.uom || stockItem?.uom) as Unit | undefined,
          reason: values.reason.trim(),
        },
      },
      {
        onSuccess: (result) => {
          notifications.show(
            result.moves.length === 0
              ? { color: 'blue', message: t('warehouse.forms.adjust.noDifference') }
              : {
                  color: 'green',
                  message: t('warehouse.forms.adjust.done', {
                    product: stockItem?.code ?? '',
                    location: locationCode,
                    difference: difference !== null ? signed(difference) : '',
                  }),
                },
          );
          onDone();
        },
        placeErrors: (e) => placeFieldErrors(e, setError, FIELDS, t),
      },
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <UnsavedChangesGuard dirty={isDirty} />
      <Stack>
        <ProductField
          bound={product}
          autoFocus={!productId}
          onProduct={() => {
            setValue('uom', '');
            setValue('lotId', ANY_LOT);
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <LocationField
            bound={location}
            label={t('warehouse.forms.adjust.location')}
            locations={internal}
            note={(l) =>
              atLocation.has(l.id)
                ? t('warehouse.forms.onHandThere', {
                    quantity: formatQuantity(
                      atLocation.get(l.id)!.onHand,
                      stock.data?.uom ?? '',
                      i18n.language,
                    ),
                  })
                : undefined
            }
            onLocation={() => setValue('lotId', ANY_LOT)}
          />
          <LotField
            bound={lot}
            lots={lots}
            anyLabel={t('warehouse.forms.adjust.wholeLocation')}
            disabled={!chosenLocation}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <QuantityField
            label={t('warehouse.forms.adjust.counted')}
            quantity={counted}
            uom={uom}
            product={stockItem}
            allowZero
          />
          {onHandNow !== null && (
            <Paper p="sm" radius="md" bg="gray.0" aria-live="polite">
              <Group justify="space-between" gap="xs">
                <Text size="sm" c="dimmed">
                  {t('warehouse.forms.adjust.onHandNow')}
                </Text>
                <Text size="sm" ff="monospace">
                  {q(onHandNow)}
                </Text>
              </Group>
              {difference !== null && (
                <Group justify="space-between" gap="xs" mt={4}>
                  <Text size="sm" c="dimmed">
                    {t('warehouse.forms.adjust.difference')}
                  </Text>
                  <Text
                    size="sm"
                    ff="monospace"
                    fw={700}
                    c={difference < 0 ? 'red.8' : difference > 0 ? 'green.8' : 'dimmed'}
                  >
                    {signed(difference)}
                  </Text>
                </Group>
              )}
            </Paper>
          )}
        </SimpleGrid>
        <Textarea
          label={t('warehouse.forms.adjust.reason')}
          placeholder={t('warehouse.forms.adjust.reasonPlaceholder')}
          withAsterisk
          rows={3}
          resize="vertical"
          error={message(errors.reason?.message)}
          {...register('reason')}
        />
        <PostingError error={banner} />
        <FormButtons pending={pending} submitLabel={t('warehouse.forms.adjust.submit')} onCancel={onDone} />
      </Stack>
    </form>
  );
}
