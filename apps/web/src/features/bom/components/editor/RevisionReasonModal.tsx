import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { describeError } from '../../../../lib/errors';
import { BomDiffView } from '../shared/BomDiffView';
import type { BomDiff } from '../shared/bom-diff';
import { formMessage } from './messages';

const reasonSchema = z.object({
  reason: z.string().trim().min(3, 'bom.validation.reasonShort').max(500, 'bom.validation.reasonLong'),
});

/** Every save is a new revision: the reason goes into the history, next to what changed. */
export function RevisionReasonModal({
  opened,
  revision,
  changes,
  saving,
  error,
  serverReasonError,
  onSave,
  onClose,
}: {
  opened: boolean;
  /** The number the new revision will get. */
  revision: number;
  changes: BomDiff | null;
  saving: boolean;
  error: unknown;
  serverReasonError?: string;
  onSave: (reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm<{ reason: string }>({ resolver: zodResolver(reasonSchema), defaultValues: { reason: '' } });

  useEffect(() => {
    if (serverReasonError) setError('reason', { type: 'server', message: serverReasonError });
  }, [serverReasonError, setError]);
  useEffect(() => {
    if (!opened) reset({ reason: '' });
  }, [opened, reset]);

  const submit = handleSubmit(({ reason }) => onSave(reason.trim()));

  return (
    <Modal opened={opened} onClose={onClose} title={t('bom.reason.title', { revision })} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
              {describeError(error, t).message}
            </Alert>
          ) : null}
          <Textarea
            label={t('bom.reason.label')}
            description={t('bom.reason.description')}
            placeholder={t('bom.reason.placeholder')}
            withAsterisk
            rows={3}
            data-autofocus
            error={formMessage(t, errors.reason?.message)}
            onKeyDown={getHotkeyHandler([['mod+Enter', () => void submit()]])}
            {...register('reason')}
          />
          {changes && (
            <div>
              <Text size="sm" fw={600} mb={6}>
                {t('bom.reason.changes')}
              </Text>
              <BomDiffView diff={changes} label={t('bom.reason.changes')} />
            </div>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('bom.reason.submit', { revision })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
