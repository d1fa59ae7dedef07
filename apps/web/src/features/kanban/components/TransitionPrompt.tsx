import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { NumberField } from '../../../components/NumberField';
import { formatQuantity } from '../../../lib/quantity';
import type { KanbanCard, TransitionRequest } from '../api';
import type { PromptedAction } from './board-model';
import { ApproveForm, ShipForm } from './StockPrompts';

export interface TransitionPromptProps {
  card: KanbanCard | null;
  action: PromptedAction | null;
  onConfirm: (request: TransitionRequest) => void;
  onClose: () => void;
}

/** Asks what a transition needs before the card moves. */
export function TransitionPrompt({ card, action, onConfirm, onClose }: TransitionPromptProps) {
  const { t } = useTranslation();
  const opened = !!card && !!action;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size={action === 'approve' || action === 'ship' ? 'lg' : 'md'}
      title={card && action ? t(`kanban.prompt.${action}.title`, { number: card.number }) : ''}
    >
      {card && action === 'approve' && <ApproveForm card={card} onConfirm={onConfirm} onClose={onClose} />}
      {card && action === 'ship' && <ShipForm card={card} onConfirm={onConfirm} onClose={onClose} />}
      {card && action === 'reject' && <RejectForm card={card} onConfirm={onConfirm} onClose={onClose} />}
      {card && action === 'receive' && <ReceiveForm card={card} onConfirm={onConfirm} onClose={onClose} />}
      {card && action === 'cancel' && <CancelConfirm card={card} onConfirm={onConfirm} onClose={onClose} />}
    </Modal>
  );
}

interface FormProps {
  card: KanbanCard;
  onConfirm: (request: TransitionRequest) => void;
  onClose: () => void;
}

function Subject({ card }: { card: KanbanCard }) {
  const { i18n } = useTranslation();
  return (
    <Text size="sm">
      <Text span fw={700}>
        {card.productCode}
      </Text>{' '}
      {card.productName} · {formatQuantity(card.quantity, card.uom, i18n.language)}
    </Text>
  );
}

const rejectSchema = z.object({
  reason: z.string().trim().min(1, 'kanban.validation.reasonRequired').max(500, 'validation.tooLong'),
});

function RejectForm({ card, onConfirm, onClose }: FormProps) {
  const { t } = useTranslation();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm({ resolver: zodResolver(rejectSchema), defaultValues: { reason: '' } });
  return (
    <form
      noValidate
      onSubmit={handleSubmit(({ reason }) => onConfirm({ action: 'reject', reason: reason.trim() }))}
    >
      <Stack>
        <Subject card={card} />
        <Textarea
          label={t('kanban.prompt.reject.reason')}
          description={t('kanban.prompt.reject.hint')}
          placeholder={t('kanban.prompt.reject.placeholder')}
          withAsterisk
          rows={3}
          data-autofocus
          error={errors.reason?.message ? t(errors.reason.message) : undefined}
          {...register('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red">
            {t('kanban.prompt.reject.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReceiveForm({ card, onConfirm, onClose }: FormProps) {
  const { t, i18n } = useTranslation();
  const shipped = card.shippedQuantity ?? card.quantity;
  const schema = z
    .object({
      receivedQuantity: z
        .number({ error: 'validation.required' })
        .min(0, 'kanban.validation.receivedRange')
        .max(shipped, 'kanban.validation.receivedRange'),
      shortReason: z.string().trim().max(300, 'validation.tooLong'),
    })
    .refine((v) => v.receivedQuantity >= shipped || v.shortReason.length >= 3, {
      path: ['shortReason'],
      message: 'kanban.validation.shortReasonRequired',
    });
  const {
    control,
    register,
    handleSubmit,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(schema),
    defaultValues: { receivedQuantity: shipped, shortReason: '' },
  });
  const received = useWatch({ control, name: 'receivedQuantity' });
  const short = typeof received === 'number' && received >= 0 && received < shipped ? shipped - received : 0;
  const amount = (n: number) => formatQuantity(n, card.uom, i18n.language);

  return (
    <form
      noValidate
      onSubmit={handleSubmit(({ receivedQuantity, shortReason }) =>
        onConfirm({
          action: 'receive',
          receivedQuantity,
          ...(receivedQuantity < shipped ? { shortReason: shortReason.trim() } : {}),
        }),
      )}
    >
      <Stack>
        <Subject card={card} />
        <Controller
          control={control}
          name="receivedQuantity"
          render={({ field }) => (
            <NumberField
              label={t('kanban.prompt.receive.quantity', { uom: card.uom })}
              description={t('kanban.prompt.receive.hint', { shipped: amount(shipped) })}
              withAsterisk
              unit={card.uom}
              min={0}
              max={shipped}
              data-autofocus
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={
                errors.receivedQuantity?.message
                  ? t(errors.receivedQuantity.message, { max: amount(shipped) })
                  : undefined
              }
            />
          )}
        />
        {short > 0 && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle />} py="xs">
            {t('kanban.prompt.receive.short', { short: amount(short) })}
          </Alert>
        )}
        {short > 0 && (
          <Textarea
            label={t('kanban.prompt.receive.shortReason')}
            placeholder={t('kanban.prompt.receive.shortPlaceholder')}
            withAsterisk
            rows={2}
            error={errors.shortReason?.message ? t(errors.shortReason.message) : undefined}
            {...register('shortReason')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="green">
            {t('kanban.prompt.receive.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CancelConfirm({ card, onConfirm, onClose }: FormProps) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Subject card={card} />
      <Text size="sm">{t('kanban.prompt.cancel.body')}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus>
          {t('kanban.prompt.cancel.keep')}
        </Button>
        <Button color="red" onClick={() => onConfirm({ action: 'cancel' })}>
          {t('kanban.prompt.cancel.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
