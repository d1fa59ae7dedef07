import {
  Alert,
  Anchor,
  Badge,
  Button,
  EmptyState,
  FileInput,
  Group,
  Modal,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { EVIDENCE_CONTENT_TYPES, EVIDENCE_MAX_BYTES } from '@kapok/contracts';
import { IconFlask } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Can } from '../../../components/Can';
import { ErrorState } from '../../../components/ErrorState';
import { LotStatusBadge } from '../../../components/LotStatusBadge';
import { NumberField } from '../../../components/NumberField';
import { describeError } from '../../../lib/errors';
import { formatNumber, formatQuantity } from '../../../lib/quantity';
import { session } from '../../../lib/session';
import { formatDateTime } from '../../../lib/time';
import {
  qualityQueries,
  useRecordLabTest,
  useReleaseLot,
  type LabTest,
  type LabTestType,
  type QualityLot,
  type TestPlan,
} from '../api';

/** Finished-goods batches waiting for their lab tests (QUARANTINE) or blocked by a failed one. */
export function LabTab() {
  const { t } = useTranslation();
  const lots = useQuery(qualityQueries.lots(['QUARANTINE', 'BLOCKED']));
  if (lots.isPending) return <Skeleton height={200} radius="md" />;
  if (lots.isError) return <ErrorState error={lots.error} onRetry={() => void lots.refetch()} />;
  const batches = lots.data
    .filter((l) => l.productType === 'FINISHED_GOOD')
    .sort((a, b) => (a.qualityStatus === b.qualityStatus ? 0 : a.qualityStatus === 'BLOCKED' ? -1 : 1));
  if (batches.length === 0)
    return (
      <Paper p="xl" radius="md">
        <EmptyState
          withIndicatorBackground
          icon={<IconFlask />}
          title={t('quality.lab.emptyTitle')}
          description={t('quality.lab.emptyBody')}
        />
      </Paper>
    );
  return (
    <Stack gap="md">
      {batches.map((lot) => (
        <BatchCard key={lot.id} lot={lot} />
      ))}
    </Stack>
  );
}

function BatchCard({ lot }: { lot: QualityLot }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const plan = useQuery(qualityQueries.testPlan(lot.productId));
  const tests = useQuery(qualityQueries.labTests(lot.id));
  const [releasing, setReleasing] = useState(false);
  const items = plan.data?.items ?? [];
  const passedTypes = new Set(
    (tests.data ?? []).filter((x) => x.verdict === 'PASSED').map((x) => x.testType),
  );
  const done = items.filter((i) => passedTypes.has(i.testType)).length;
  return (
    <Paper withBorder p="md" radius="md" data-testid={`lab-batch-${lot.lotNumber}`}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={4} fz="lg" ff="monospace">
            {lot.lotNumber}
          </Title>
          <Text size="sm">
            {lot.productCode} · {lot.productName} · {formatQuantity(lot.onHand, lot.uom, lang)}
          </Text>
        </div>
        <Group gap="xs">
          <LotStatusBadge state={lot.qualityStatus} size="lg" />
          {lot.qualityStatus === 'BLOCKED' && (
            <Can permission="quality.approve">
              <Button color="grape" variant="light" size="sm" onClick={() => setReleasing(true)}>
                {t('quality.lab.release')}
              </Button>
            </Can>
          )}
        </Group>
      </Group>
      {plan.isError ? (
        <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
      ) : plan.isPending || tests.isPending ? (
        <Skeleton height={80} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('quality.lab.noPlan')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={700}>{t('quality.lab.progress', { done, total: items.length })}</Text>
            </Group>
            <Progress
              value={(done / items.length) * 100}
              color={lot.qualityStatus === 'BLOCKED' ? 'grape' : 'teal'}
            />
            <PlanTable plan={plan.data} tests={tests.data ?? []} />
          </Stack>
          <Can permission="quality.create" fallback={<span />}>
            <LabTestForm lot={lot} plan={plan.data} />
          </Can>
        </SimpleGrid>
      )}
      {releasing && <ReleaseDialog lot={lot} onClose={() => setReleasing(false)} />}
    </Paper>
  );
}

function PlanTable({ plan, tests }: { plan: TestPlan; tests: LabTest[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Table withRowBorders={false} verticalSpacing={4}>
      <Table.Tbody>
        {plan.items.map((item) => {
          const results = tests.filter((x) => x.testType === item.testType);
          const last = results[0];
          return (
            <Table.Tr key={item.testType}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {t(`quality.testType.${item.testType}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {item.standard} · {item.limitKind === 'MIN' ? '≥' : '≤'}{' '}
                  {formatNumber(item.limitValue, lang)} {item.unit}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                {last ? (
                  <Stack gap={0} align="flex-end">
                    <Badge color={last.verdict === 'PASSED' ? 'green' : 'red'} variant="light">
                      {formatNumber(last.measuredValue, lang)} {last.unit} ·{' '}
                      {t(`quality.verdict.${last.verdict}`)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {last.lab} · {formatDateTime(last.testedAt, lang)}
                    </Text>
                    <Evidence test={last} />
                  </Stack>
                ) : (
                  <Badge color="gray" variant="light">
                    {t('quality.lab.pending')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** The evidence file needs the session's token, so it is fetched and opened as a blob. */
function Evidence({ test }: { test: LabTest }) {
  const { t } = useTranslation();
  if (test.evidenceUrl)
    return (
      <Anchor size="xs" href={test.evidenceUrl} target="_blank" rel="noreferrer">
        {t('quality.lab.evidence')}
      </Anchor>
    );
  if (!test.evidenceName) return null;
  const open = async () => {
    const res = await fetch(`/api/v1/quality/lab-tests/${test.id}/evidence`, {
      headers: { authorization: `Bearer ${(await session.freshToken()) ?? ''}` },
    });
    if (!res.ok) return;
    const url = URL.createObjectURL(await res.blob());
    window.open(url, '_blank', 'noopener');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  return (
    <Anchor component="button" type="button" size="xs" onClick={() => void open()}>
      {test.evidenceName}
    </Anchor>
  );
}

const typed = (v: number | null): v is number => typeof v === 'number' && !Number.isNaN(v);

function LabTestForm({ lot, plan }: { lot: QualityLot; plan: TestPlan }) {
  const { t } = useTranslation();
  const [testType, setTestType] = useState<LabTestType>(plan.items[0]!.testType);
  const [value, setValue] = useState<number | null>(null);
  const [lab, setLab] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const record = useRecordLabTest();
  const item = plan.items.find((i) => i.testType === testType) ?? plan.items[0]!;
  const tooBig = file !== null && file.size > EVIDENCE_MAX_BYTES;
  const ready = typed(value) && lab.trim().length > 0 && !tooBig;
  return (
    <form
      aria-label={t('quality.lab.record')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        record.mutate(
          {
            lotId: lot.id,
            testType,
            measuredValue: value,
            unit: item.unit,
            lab: lab.trim(),
            evidence: file,
            evidenceUrl: url,
          },
          {
            onSuccess: (result) => {
              setValue(null);
              setFile(null);
              setUrl('');
              notifications.show({
                color: result.verdict === 'PASSED' ? 'green' : 'red',
                message: t(`quality.lab.recorded.${result.lotStatus}`, {
                  lot: lot.lotNumber,
                  test: t(`quality.testType.${testType}`),
                }),
              });
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <Select
          label={t('quality.lab.testType')}
          data={plan.items.map((i) => ({ value: i.testType, label: t(`quality.testType.${i.testType}`) }))}
          value={testType}
          onChange={(v) => v && setTestType(v as LabTestType)}
          allowDeselect={false}
        />
        <NumberField
          label={t('quality.lab.measured')}
          value={value}
          onChange={setValue}
          min={-1_000_000_000}
          decimals={4}
          rightSection={<Text size="xs">{item.unit}</Text>}
        />
        <TextInput
          label={t('quality.lab.lab')}
          value={lab}
          onChange={(e) => setLab(e.currentTarget.value)}
          maxLength={120}
        />
        <FileInput
          label={t('quality.lab.file')}
          description={t('quality.lab.fileHint')}
          accept={EVIDENCE_CONTENT_TYPES.join(',')}
          value={file}
          onChange={setFile}
          clearable
          error={tooBig ? t('quality.lab.fileTooBig') : undefined}
        />
        <TextInput
          label={t('quality.lab.url')}
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          maxLength={500}
          placeholder="https://"
        />
        {record.isError && <Alert color="red">{describeError(record.error, t).message}</Alert>}
        <Button type="submit" loading={record.isPending} disabled={!ready}>
          {t('quality.lab.record')}
        </Button>
      </Stack>
    </form>
  );
}

/** Manual release of a BLOCKED batch: quality.approve only, with the reason kept in the audit log. */
function ReleaseDialog({ lot, onClose }: { lot: QualityLot; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const release = useReleaseLot();
  const ok = reason.trim().length >= 3;
  return (
    <Modal opened onClose={onClose} title={t('quality.lab.releaseTitle', { lot: lot.lotNumber })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!ok) return;
          release.mutate(
            { lotId: lot.id, reason: reason.trim() },
            {
              onSuccess: () => {
                notifications.show({
                  color: 'green',
                  message: t('quality.lab.released', { lot: lot.lotNumber }),
                });
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          <Text size="sm">{t('quality.lab.releaseBody')}</Text>
          <Textarea
            label={t('quality.lab.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={500}
            minRows={3}
            autosize
            data-autofocus
          />
          {release.isError && <Alert color="red">{describeError(release.error, t).message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="grape" loading={release.isPending} disabled={!ok}>
              {t('quality.lab.release')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
