import {
  Alert,
  Button,
  EmptyState,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { AQL_VALUES, DEFAULT_AQL } from '@kapok/contracts';
import { IconClipboardCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Can } from '../../../components/Can';
import { ErrorState } from '../../../components/ErrorState';
import { LotStatusBadge } from '../../../components/LotStatusBadge';
import { NumberField } from '../../../components/NumberField';
import { UnsavedChangesGuard } from '../../../components/UnsavedChangesGuard';
import { describeError } from '../../../lib/errors';
import { formatNumber, formatQuantity } from '../../../lib/quantity';
import { formatDateTime } from '../../../lib/time';
import { qualityQueries, useRecordInspection, type Aql, type QualityLot } from '../api';

/** Quarantined material lots waiting for their incoming inspection, each with its sampling plan. */
export function IncomingTab() {
  const { t } = useTranslation();
  const lots = useQuery(qualityQueries.lots(['QUARANTINE']));
  const [inspecting, setInspecting] = useState<QualityLot | null>(null);
  if (lots.isPending) return <Skeleton height={160} radius="md" />;
  if (lots.isError) return <ErrorState error={lots.error} onRetry={() => void lots.refetch()} />;
  const waiting = lots.data.filter((l) => l.productType !== 'FINISHED_GOOD');
  return (
    <section aria-label={t('quality.incoming.title')}>
      <Text c="dimmed" mb="md">
        {t('quality.incoming.hint')}
      </Text>
      {waiting.length === 0 ? (
        <Paper p="xl" radius="md">
          <EmptyState
            withIndicatorBackground
            icon={<IconClipboardCheck />}
            title={t('quality.incoming.emptyTitle')}
            description={t('quality.incoming.emptyBody')}
          />
        </Paper>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {waiting.map((lot) => (
            <LotCard key={lot.id} lot={lot} onInspect={() => setInspecting(lot)} />
          ))}
        </SimpleGrid>
      )}
      {inspecting && <InspectDialog lot={inspecting} onClose={() => setInspecting(null)} />}
    </section>
  );
}

function LotCard({ lot, onInspect }: { lot: QualityLot; onInspect: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const plan = lot.samplingPlan;
  return (
    <Paper withBorder p="md" radius="md" data-testid={`incoming-lot-${lot.lotNumber}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={4} fz="lg" ff="monospace">
            {lot.lotNumber}
          </Title>
          <Text size="sm">
            {lot.productCode} · {lot.productName}
          </Text>
        </div>
        <LotStatusBadge state={lot.qualityStatus} size="lg" />
      </Group>
      <Text size="sm" c="dimmed" mt={4}>
        {formatQuantity(lot.onHand, lot.uom, lang)} · {t('quality.received')}{' '}
        {formatDateTime(lot.receivedAt, lang)}
      </Text>
      {plan ? (
        <Group gap="lg" mt="sm">
          <Fact label={t('quality.plan.letter')} value={plan.codeLetter} />
          <Fact label={t('quality.plan.sample')} value={formatNumber(plan.sampleSize, lang)} />
          <Fact label={t('quality.plan.acRe')} value={`${plan.accept} / ${plan.reject}`} />
          <Fact label={t('quality.plan.aql')} value={formatNumber(plan.aql, lang)} />
        </Group>
      ) : (
        <Text size="sm" c="dimmed" mt="sm">
          {t('quality.plan.none')}
        </Text>
      )}
      <Can permission="quality.create">
        <Button mt="md" size="md" fullWidth onClick={onInspect} disabled={!plan}>
          {t('quality.incoming.inspect')}
        </Button>
      </Can>
    </Paper>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </div>
  );
}

/** Records the inspection: the AQL (the plan follows it), the defective pieces found, a note. */
function InspectDialog({ lot, onClose }: { lot: QualityLot; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const lotSize = lot.samplingPlan?.lotSize ?? 1;
  const [aql, setAql] = useState<Aql>(DEFAULT_AQL);
  const [defects, setDefects] = useState<number | null>(null);
  const [notes, setNotes] = useState('');
  const plan = useQuery(qualityQueries.samplingPlan(lotSize, aql));
  const record = useRecordInspection();
  const valid = typeof defects === 'number' && !Number.isNaN(defects);
  const tooMany = valid && plan.data !== undefined && defects > plan.data.sampleSize;
  const verdict =
    valid && plan.data && !tooMany ? (defects <= plan.data.accept ? 'RELEASED' : 'REJECTED') : null;

  const submit = () => {
    if (!valid || !plan.data || tooMany) return;
    record.mutate(
      { type: 'INCOMING', lotId: lot.id, aql, defects, ...(notes.trim() ? { notes: notes.trim() } : {}) },
      {
        onSuccess: (inspection) => {
          notifications.show({
            color: inspection.lotStatus === 'RELEASED' ? 'green' : 'red',
            message: t(
              `quality.incoming.done.${inspection.lotStatus === 'RELEASED' ? 'released' : 'rejected'}`,
              {
                lot: lot.lotNumber,
              },
            ),
          });
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('quality.incoming.dialogTitle', { lot: lot.lotNumber })}
      size="lg"
    >
      <UnsavedChangesGuard dirty={defects !== null && !record.isSuccess} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Text size="sm">
            {lot.productCode} · {lot.productName} · {formatQuantity(lot.onHand, lot.uom, lang)}
          </Text>
          <Select
            label={t('quality.plan.aql')}
            data={AQL_VALUES.map((v) => ({ value: String(v), label: `${formatNumber(v, lang)} %` }))}
            value={String(aql)}
            onChange={(v) => v && setAql(Number(v) as Aql)}
            allowDeselect={false}
            size="md"
          />
          {plan.isError ? (
            <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
          ) : (
            <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-gray-light)">
              {plan.data ? (
                <Stack gap={4} data-testid="sampling-plan">
                  <Text fw={700}>
                    {t('quality.plan.summary', {
                      letter: plan.data.codeLetter,
                      sample: formatNumber(plan.data.sampleSize, lang),
                      accept: plan.data.accept,
                      reject: plan.data.reject,
                    })}
                  </Text>
                  {plan.data.planLetter !== plan.data.codeLetter && (
                    <Text size="sm" c="dimmed">
                      {t('quality.plan.arrow', { letter: plan.data.planLetter })}
                    </Text>
                  )}
                  {plan.data.inspectAll && (
                    <Text size="sm" c="dimmed">
                      {t('quality.plan.inspectAll')}
                    </Text>
                  )}
                </Stack>
              ) : (
                <Skeleton height={40} />
              )}
            </Paper>
          )}
          <NumberField
            label={t('quality.incoming.defects')}
            description={
              plan.data ? t('quality.incoming.defectsHint', { sample: plan.data.sampleSize }) : undefined
            }
            value={defects}
            onChange={setDefects}
            min={0}
            max={plan.data?.sampleSize}
            whole
            size="md"
            data-autofocus
          />
          {valid && plan.data && !tooMany && (
            <Text size="sm">
              {t('quality.incoming.acceptedPieces', {
                accepted: formatNumber(plan.data.sampleSize - defects, lang),
                defects: formatNumber(defects, lang),
              })}
            </Text>
          )}
          <Textarea
            label={t('quality.notes')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
          />
          {verdict && (
            <Alert color={verdict === 'RELEASED' ? 'green' : 'red'} data-testid="incoming-verdict">
              {t(`quality.incoming.verdict.${verdict}`)}
            </Alert>
          )}
          {record.isError && <Alert color="red">{describeError(record.error, t).message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} size="md">
              {t('common.cancel')}
            </Button>
            <Button type="submit" size="md" loading={record.isPending} disabled={!verdict}>
              {t('quality.incoming.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
