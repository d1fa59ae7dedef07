import { CLEARANCE_METHODS, type ClearanceMethod } from '@kapok/contracts';
import { Alert, Button, SegmentedControl, Stack, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../lib/errors';
import { useAcknowledgeAlarm } from '../api';

/**
 * The segregation alarm of a handover (another destination or week than the line runs): the line says
 * how the batches are kept apart before it may accept.
 */
export function AcknowledgeSegregation({ alarmId, onDone }: { alarmId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const acknowledge = useAcknowledgeAlarm();
  const [method, setMethod] = useState<ClearanceMethod>('PHYSICAL_GAP');
  const [notes, setNotes] = useState('');
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle />}
      title={t('production.segregation.title')}
      role="alert"
    >
      <Stack gap="sm">
        {t('production.segregation.explain')}
        <SegmentedControl
          aria-label={t('production.segregation.method')}
          value={method}
          onChange={(v) => setMethod(v as ClearanceMethod)}
          data={CLEARANCE_METHODS.map((m) => ({ value: m, label: t(`production.segregation.methods.${m}`) }))}
        />
        <Textarea
          label={t('production.segregation.notes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        {acknowledge.error ? describeError(acknowledge.error, t).message : null}
        <Button
          color="orange"
          disabled={notes.trim().length < 3}
          loading={acknowledge.isPending}
          onClick={() =>
            acknowledge.mutate({ id: alarmId, body: { method, notes: notes.trim() } }, { onSuccess: onDone })
          }
        >
          {t('production.segregation.acknowledge')}
        </Button>
      </Stack>
    </Alert>
  );
}
