import { zodResolver } from '@hookform/resolvers/zod';
import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Unit } from '@kapok/contracts';
import { useQuery } from '@tanstack/react-query';
import { useController, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { locationQueries, productQueries, stockQueries } from '../../api';
import { formatQuantity } from '../format';
import {
  ANY_LOT,
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
import { issueSchema, optional, transferSchema, type MoveOutValues } from './schemas';
import { stockByLocation } from './stock-at';
import { usePostingSubmit } from './use-posting-submit';
import { UnsavedChangesGuard } from '../../../../components/UnsavedChangesGuard';

const FIELDS = [
  'productId',
  'fromLocationId',
  'toLocationId',
  'quantity',
  'uom',
  'lotId',
  'reference',
] as const;
const INTERNAL = new Set(['WAREHOUSE', 'LINE', 'TRANSIT']);

/**
 * Stock out of an internal location: an issue (to production, a line or anywhere else) or a transfer
 * (to another internal location). Oldest lot first unless a lot is chosen.
 */
export function MoveOutForm({
  kind,
  productId,
  onDone,
}: {
  kind: 'issue' | 'transfer';
  productId?: string;
  onDone: () => void;
}) {
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
  } = useForm<MoveOutValues>({
    resolver: zodResolver(kind === 'issue' ? issueSchema : transferSchema),
    defaultValues: {
      productId: productId ?? '',
      fromLocationId: '',
      toLocationId: '',
      quantity: '',
      uom: '',
      lotId: ANY_LOT,
      reference: '',
    },
  });
  const product = useController({ control, name: 'productId' });
  const from = useController({ control, name: 'fromLocationId' });
  const to = useController({ control, name: 'toLocationId' });
  const lot = useController({ control, name: 'lotId' });
  const quantity = useController({ control, name: 'quantity' });
  const uom = useController({ control, name: 'uom' });
  const [chosenProduct, chosenFrom] = useWatch({ control, name: ['productId', 'fromLocationId'] });

  const productQuery = useQuery({ ...productQueries.detail(chosenProduct), enabled: !!chosenProduct });
  const stock = useQuery({ ...stockQueries.product(chosenProduct), enabled: !!chosenProduct });
  const locations = useQuery(locationQueries.all());
  const all = (locations.data ?? []).filter((l) => l.active);
  const atLocation = stockByLocation(stock.data?.balances);
  const uomOf = stock.data?.uom ?? productQuery.data?.uom ?? '';
  // Sources: internal locations; once the product is known, those holding it.
  const sources = all.filter(
    (l) => INTERNAL.has(l.type) && (!stock.data || (atLocation.get(l.id)?.onHand ?? 0) > 0),
  );
  const targets = all.filter(
    (l) => l.id !== chosenFrom && (kind === 'issue' ? l.type !== 'SUPPLIER' : INTERNAL.has(l.type)),
  );
  const lots = chosenFrom && stock.data ? lotsAt(stock.data.balances, chosenFrom) : [];
  const code = (id: string) => all.find((l) => l.id === id)?.code ?? '';

  const onSubmit = handleSubmit((values) => {
    const unit = (values.uom || productQuery.data?.uom) as Unit | undefined;
    const body = {
      productId: values.productId,
      fromLocationId: values.fromLocationId,
      quantity: Number(values.quantity),
      uom: unit,
      lotId: values.lotId === ANY_LOT ? undefined : values.lotId,
      reference: optional(values.reference),
    };
    submit(
      kind === 'issue'
        ? { kind, body: { ...body, toLocationId: values.toLocationId || undefined } }
        : { kind, body: { ...body, toLocationId: values.toLocationId } },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t(`warehouse.forms.${kind}.done`, {
              quantity: formatQuantity(values.quantity, unit ?? '', i18n.language),
              product: productQuery.data?.code ?? '',
              from: code(values.fromLocationId),
              to: values.toLocationId ? code(values.toLocationId) : t('warehouse.forms.issue.toDefault'),
            }),
          });
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
            setValue('fromLocationId', '');
            setValue('lotId', ANY_LOT);
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <LocationField
            bound={from}
            label={t('warehouse.forms.from')}
            locations={sources}
            note={(l) =>
              atLocation.has(l.id)
                ? t('warehouse.forms.availableThere', {
                    quantity: formatQuantity(atLocation.get(l.id)!.available, uomOf, i18n.language),
                  })
                : undefined
            }
            nothingFound={stock.data ? t('warehouse.forms.noStockAnywhere') : undefined}
            onLocation={() => setValue('lotId', ANY_LOT)}
          />
          <LotField bound={lot} lots={lots} anyLabel={t('warehouse.forms.fifo')} disabled={!chosenFrom} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <QuantityField
            label={t('warehouse.forms.quantity')}
            quantity={quantity}
            uom={uom}
            product={productQuery.data}
          />
          <LocationField
            bound={to}
            label={t('warehouse.forms.to')}
            locations={targets}
            required={kind === 'transfer'}
            placeholder={kind === 'issue' ? t('warehouse.forms.issue.toDefault') : undefined}
            description={kind === 'issue' ? t('warehouse.forms.issue.toHint') : undefined}
          />
        </SimpleGrid>
        <TextInput
          label={t('warehouse.forms.reference')}
          placeholder={t(`warehouse.forms.${kind}.referencePlaceholder`)}
          autoComplete="off"
          error={message(errors.reference?.message)}
          {...register('reference')}
        />
        <PostingError error={banner} />
        <FormButtons pending={pending} submitLabel={t(`warehouse.forms.${kind}.submit`)} onCancel={onDone} />
      </Stack>
    </form>
  );
}
