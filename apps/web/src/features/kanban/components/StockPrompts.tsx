import type { KanbanRemainder } from '@kapok/contracts';
import { Alert, Button, Group, Radio, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { NumberField } from '../../../components/NumberField';
import { formatQuantity } from '../../../lib/quantity';
import { formatDateTime } from '../../../lib/time';
import { cardStockQuery, type CardStockRow, type KanbanCard, type TransitionRequest } from '../api';

interface FormProps {
  card: KanbanCard;
  onConfirm: (request: TransitionRequest) => void;
  onClose: () => void;
}

const rowKey = (r: Pick<CardStockRow, 'locationId' | 'lotId'>) => `${r.locationId}|${r.lotId ?? ''}`;

/** Free stock per rack and lot, oldest lot first; with `picked`, one row can be chosen. */
function StockTable({
  card,
  rows,
  picked,
  onPick,
}: {
  card: KanbanCard;
  rows: readonly CardStockRow[];
  picked?: string;
  onPick?: (row: CardStockRow) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (rows.length === 0)
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle />}>
        {t('kanban.stock.none', { product: card.productCode })}
      </Alert>
    );
  return (
    <Table.ScrollContainer minWidth={420} mah={220}>
      <Table fz="sm" verticalSpacing={4} aria-label={t('kanban.stock.title')} highlightOnHover={!!onPick}>
        <Table.Thead>
          <Table.Tr>
            {onPick && <Table.Th w={32} />}
            <Table.Th>{t('kanban.stock.rack')}</Table.Th>
            <Table.Th>{t('kanban.stock.lot')}</Table.Th>
            <Table.Th ta="right">{t('kanban.stock.free')}</Table.Th>
            <Table.Th ta="right">{t('kanban.stock.held')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr
              key={rowKey(r)}
              onClick={onPick ? () => onPick(r) : undefined}
              style={onPick ? { cursor: 'pointer' } : undefined}
              data-testid="stock-row"
            >
              {onPick && (
                <Table.Td>
                  <Radio
                    checked={picked === rowKey(r)}
                    onChange={() => onPick(r)}
                    aria-label={t('kanban.stock.pick', { rack: r.locationCode, lot: r.lotNumber ?? '—' })}
                  />
                </Table.Td>
              )}
              <Table.Td fw={600}>{r.locationCode}</Table.Td>
              <Table.Td>
                <Text span size="sm" ff="monospace">
                  {r.lotNumber ?? t('kanban.stock.noLot')}
                </Text>
                {r.receivedAt && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · {formatDateTime(r.receivedAt, lang)}
                  </Text>
                )}
                {i === 0 && (
                  <Text span size="xs" c="teal.8" fw={700}>
                    {' '}
                    · {t('kanban.stock.fifo')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{formatQuantity(r.free, card.uom, lang)}</Table.Td>
              <Table.Td ta="right" c={r.held > 0 ? 'blue.8' : 'dimmed'}>
                {formatQuantity(r.held, card.uom, lang)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Approve with the stock in view: free per rack and lot, and part of the request if that is all there
 * is (the rest stays requested on a new card, or is rejected with a reason).
 */
export function ApproveForm({ card, onConfirm, onClose }: FormProps) {
  const { t, i18n } = useTranslation();
  const stock = useQuery(cardStockQuery(card.id));
  const [quantity, setQuantity] = useState<number | null>(card.quantity);
  const [remainder, setRemainder] = useState<KanbanRemainder>('REQUEST');
  const [reason, setReason] = useState('');
  const [notes, setNotes] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const amount = (n: number) => formatQuantity(n, card.uom, i18n.language);
  const valid = quantity !== null && Number.isFinite(quantity) && quantity > 0 && quantity <= card.quantity;
  const rest = valid ? card.quantity - quantity : 0;

  const submit = () => {
    if (!valid) return setInvalid(t('kanban.approve.quantityRange', { max: amount(card.quantity) }));
    if (rest > 0 && remainder === 'REJECT' && reason.trim().length < 3)
      return setInvalid(t('kanban.approve.reasonRequired'));
    onConfirm({
      action: 'approve',
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      ...(rest > 0
        ? {
            quantity,
            remainder,
            ...(remainder === 'REJECT' ? { remainderReason: reason.trim() } : {}),
          }
        : {}),
    });
  };

  return (
    <Stack>
      <Text size="sm">
        <Text span fw={700}>
          {card.productCode}
        </Text>{' '}
        {card.productName} · {t('kanban.approve.requested', { quantity: amount(card.quantity) })}
      </Text>
      {stock.isError ? (
        <ErrorState error={stock.error} onRetry={() => void stock.refetch()} />
      ) : stock.data ? (
        <>
          <StockTable card={card} rows={stock.data.items} />
          <Text size="xs" c="dimmed">
            {t('kanban.stock.total', { quantity: amount(stock.data.totalFree) })}
          </Text>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('kanban.stock.loading')}
        </Text>
      )}
      <NumberField
        label={t('kanban.approve.quantity')}
        description={t('kanban.approve.quantityHint', { max: amount(card.quantity) })}
        withAsterisk
        unit={card.uom}
        min={0}
        minExclusive
        max={card.quantity}
        data-autofocus
        value={quantity}
        onChange={(v) => {
          setQuantity(v);
          setInvalid(null);
        }}
        error={invalid && !valid ? invalid : undefined}
      />
      {rest > 0 && (
        <Radio.Group
          label={t('kanban.approve.restLabel', { rest: amount(rest) })}
          value={remainder}
          onChange={(v) => {
            setRemainder(v as KanbanRemainder);
            setInvalid(null);
          }}
        >
          <Stack gap={6} mt={6}>
            <Radio value="REQUEST" label={t('kanban.approve.restRequest')} />
            <Radio value="REJECT" label={t('kanban.approve.restReject')} />
          </Stack>
        </Radio.Group>
      )}
      {rest > 0 && remainder === 'REJECT' && (
        <Textarea
          label={t('kanban.approve.reason')}
          withAsterisk
          rows={2}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setInvalid(null);
          }}
          error={valid ? invalid : undefined}
        />
      )}
      <Textarea
        label={t('kanban.approve.notes')}
        rows={2}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={submit}>
          {rest > 0
            ? t('kanban.approve.submitPart', { quantity: amount(quantity!) })
            : t('kanban.approve.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Ship what was approved, or less, from the rack and lot chosen (the oldest lot is suggested). */
export function ShipForm({ card, onConfirm, onClose }: FormProps) {
  const { t, i18n } = useTranslation();
  const stock = useQuery(cardStockQuery(card.id));
  const approved = card.approvedQuantity ?? card.quantity;
  const [quantity, setQuantity] = useState<number | null>(approved);
  const [chosen, setChosen] = useState<CardStockRow | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const amount = (n: number) => formatQuantity(n, card.uom, i18n.language);
  const pick = chosen ?? stock.data?.suggested ?? null;
  const valid = quantity !== null && Number.isFinite(quantity) && quantity > 0 && quantity <= approved;
  const tooMuch = valid && pick !== null && quantity > pick.free;

  const submit = () => {
    if (!valid) return setInvalid(t('kanban.ship.quantityRange', { max: amount(approved) }));
    onConfirm({
      action: 'ship',
      ...(quantity !== approved ? { quantity } : {}),
      ...(pick ? { locationId: pick.locationId, ...(pick.lotId ? { lotId: pick.lotId } : {}) } : {}),
    });
  };

  return (
    <Stack>
      <Text size="sm">
        <Text span fw={700}>
          {card.productCode}
        </Text>{' '}
        {card.productName} · {t('kanban.ship.approved', { quantity: amount(approved) })}
      </Text>
      {stock.isError ? (
        <ErrorState error={stock.error} onRetry={() => void stock.refetch()} />
      ) : stock.data ? (
        <StockTable
          card={card}
          rows={stock.data.items}
          picked={pick ? rowKey(pick) : undefined}
          onPick={(r) => setChosen(r)}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t('kanban.stock.loading')}
        </Text>
      )}
      <NumberField
        label={t('kanban.ship.quantity')}
        description={t('kanban.ship.quantityHint', { max: amount(approved) })}
        withAsterisk
        unit={card.uom}
        min={0}
        minExclusive
        max={approved}
        data-autofocus
        value={quantity}
        onChange={(v) => {
          setQuantity(v);
          setInvalid(null);
        }}
        error={invalid ?? undefined}
      />
      {tooMuch && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />} py="xs">
          {t('kanban.ship.moreThanLot', { free: amount(pick.free) })}
        </Alert>
      )}
      {valid && quantity < approved && (
        <Text size="xs" c="dimmed">
          {t('kanban.ship.restReleased', { rest: amount(approved - quantity) })}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="orange" onClick={submit} disabled={!pick}>
          {t('kanban.ship.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
