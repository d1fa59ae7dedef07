import type { LineStatus } from '@kapok/contracts';
import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertCircle,
  IconAlertTriangle,
  IconArrowLeft,
  IconBan,
  IconBell,
  IconCircleCheck,
  IconPackages,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/ErrorState';
import { PageHeader } from '../../../components/PageHeader';
import { stateBadge } from '../../../components/StateBadge';
import { usePermission } from '../../../lib/auth';
import { describeError } from '../../../lib/errors';
import { formatNumber } from '../../../lib/quantity';
import { formatDateTime } from '../../../lib/time';
import {
  lineQueries,
  useOverrideBlock,
  useScrapLineWip,
  type Line,
  type LineBatch,
  type LineBlock,
  type SegregationAlarm,
} from '../api';
import { isLineDepartment, useActionKey } from './shared';

const STATUS_COLORS: Record<LineStatus, string> = {
  CLEAR: 'green',
  OCCUPIED: 'blue',
  BLOCKED: 'red',
  ALARM: 'orange',
};
const STATUS_ICONS: Record<LineStatus, typeof IconCircleCheck> = {
  CLEAR: IconCircleCheck,
  OCCUPIED: IconPackages,
  BLOCKED: IconBan,
  ALARM: IconAlertTriangle,
};
const LineStatusBadge = stateBadge<LineStatus>('production.lines.status', STATUS_COLORS);

type Dialog = { kind: 'scrap'; line: Line; batch: LineBatch } | { kind: 'override'; block: LineBlock };

/**
 * The line board for supervisors, made for a tablet: one tile per department line — clear, occupied by
 * which orders (article, destination, week), a refused handover waiting on it, or a segregation alarm.
 * Live: line, handover, stock and work-order events refresh it.
 */
export function LineBoardPage() {
  const { t } = useTranslation();
  const lines = useQuery(lineQueries.lines());
  const [dialog, setDialog] = useState<Dialog | null>(null);

  return (
    <>
      <PageHeader
        title={t('production.lines.title')}
        description={t('production.lines.description')}
        actions={
          <Group gap="sm">
            <Button
              component={Link}
              to="/production/alerts"
              variant="light"
              leftSection={<IconBell size={16} />}
            >
              {t('production.lineAlerts.openBoard')}
            </Button>
            <Button
              component={Link}
              to="/production"
              variant="default"
              leftSection={<IconArrowLeft size={16} />}
            >
              {t('production.lines.back')}
            </Button>
          </Group>
        }
      />
      {lines.isPending ? (
        <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }}>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} height={180} radius="md" />
          ))}
        </SimpleGrid>
      ) : lines.isError ? (
        <ErrorState error={lines.error} onRetry={() => void lines.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="md">
          {lines.data.map((line) => (
            <LineTile
              key={line.department}
              line={line}
              onScrap={(batch) => setDialog({ kind: 'scrap', line, batch })}
              onOverride={(block) => setDialog({ kind: 'override', block })}
            />
          ))}
        </SimpleGrid>
      )}
      {dialog?.kind === 'scrap' && (
        <ScrapDialog line={dialog.line} batch={dialog.batch} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'override' && <OverrideDialog block={dialog.block} onClose={() => setDialog(null)} />}
    </>
  );
}

function LineTile({
  line,
  onScrap,
  onOverride,
}: {
  line: Line;
  onScrap: (batch: LineBatch) => void;
  onOverride: (block: LineBlock) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const canUpdate = usePermission('production.update');
  const canApprove = usePermission('production.approve');
  const department = t(`departments.${line.department}`);
  const Icon = STATUS_ICONS[line.status];
  // The orders that hold up a waiting handover: scrapping (or handing on) them clears the line.
  const blocking = new Set(line.blocks.flatMap((b) => b.onLine.map((o) => o.moId)));

  return (
    <Paper
      component="section"
      aria-label={department}
      data-testid={`line-${line.department}`}
      data-status={line.status}
      p="md"
      radius="md"
      withBorder
      style={{
        borderColor: `var(--mantine-color-${STATUS_COLORS[line.status]}-5)`,
        borderWidth: line.status === 'BLOCKED' || line.status === 'ALARM' ? 3 : 1,
      }}
    >
      <Group justify="space-between" wrap="nowrap" mb="sm">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon color={STATUS_COLORS[line.status]} variant="light" size="lg" radius="md">
            <Icon size={20} />
          </ThemeIcon>
          <div>
            <Title order={3} fz="lg">
              {department}
            </Title>
            <Text size="xs" c="dimmed">
              {line.locationCode}
            </Text>
          </div>
        </Group>
        <LineStatusBadge state={line.status} size="lg" />
      </Group>

      <Stack gap="xs">
        {line.batches.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('production.lines.clear')}
          </Text>
        ) : (
          line.batches.map((batch) => (
            <Paper key={batch.moId} p="xs" radius="sm" bg="var(--mantine-color-default-hover)">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Text fw={700} size="sm">
                    {batch.batchNumber}
                  </Text>
                  <Text size="sm">
                    {batch.articleCode} · {batch.articleName}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('production.lines.batch', {
                      destination: batch.destination ?? '–',
                      week: batch.week ?? '–',
                      quantity: formatNumber(batch.quantity, lang),
                    })}
                  </Text>
                </div>
                {canUpdate && blocking.has(batch.moId) && (
                  <Button size="sm" variant="light" color="red" onClick={() => onScrap(batch)}>
                    {t('production.lines.scrap')}
                  </Button>
                )}
              </Group>
            </Paper>
          ))
        )}

        {line.blocks.map((block) => (
          <BlockNotice
            key={block.id}
            block={block}
            canApprove={canApprove}
            onOverride={() => onOverride(block)}
          />
        ))}
        {line.alarms.map((alarm) => (
          <AlarmNotice key={alarm.id} alarm={alarm} />
        ))}
      </Stack>
    </Paper>
  );
}

function Escalations({ steps }: { steps: LineBlock['escalations'] }) {
  const { t, i18n } = useTranslation();
  if (steps.length === 0) return null;
  return (
    <Text size="xs" c="dimmed">
      {t('production.lines.escalated', {
        to: steps.map((s) => t(`production.lines.recipients.${s.recipient}`)).join(' → '),
        at: formatDateTime(steps[steps.length - 1]!.firedAt, i18n.language),
      })}
    </Text>
  );
}

function BlockNotice({
  block,
  canApprove,
  onOverride,
}: {
  block: LineBlock;
  canApprove: boolean;
  onOverride: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Alert color="red" variant="light" icon={<IconBan />} p="xs" data-testid="line-block">
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('production.lines.waiting', {
            batch: block.batchNumber,
            from: t(`departments.${block.fromDepartment}`),
            quantity: formatNumber(block.quantity, lang),
          })}
        </Text>
        <Text size="xs">
          {block.lineCleared
            ? t('production.lines.canSend')
            : t('production.lines.refused', {
                count: block.attempts,
                since: formatDateTime(block.createdAt, lang),
              })}
        </Text>
        <Escalations steps={block.escalations} />
        {canApprove && !block.lineCleared && (
          <Group>
            <Button size="xs" variant="default" onClick={onOverride}>
              {t('production.lines.override')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

function AlarmNotice({ alarm }: { alarm: SegregationAlarm }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle />} p="xs" data-testid="line-alarm">
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('production.lines.alarm', {
            batch: alarm.batchNumber,
            destination: alarm.destination ?? '–',
            week: alarm.week ?? '–',
          })}
        </Text>
        <Text size="xs">
          {t('production.lines.alarmWhy', {
            reasons: alarm.reasons.map((r) => t(`production.lines.reasons.${r}`)).join(', '),
            since: formatDateTime(alarm.createdAt, i18n.language),
          })}
        </Text>
        <Escalations steps={alarm.escalations} />
      </Stack>
    </Alert>
  );
}

function ReasonDialog({
  title,
  explain,
  submitLabel,
  color,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  title: string;
  explain: string;
  submitLabel: string;
  color: string;
  pending: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const valid = reason.trim().length >= 3;
  return (
    <Modal opened onClose={onClose} title={title}>
      <Stack>
        <Text size="sm">{explain}</Text>
        <Textarea
          label={t('production.lines.reason')}
          description={t('production.lines.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={300}
          data-autofocus
        />
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
            {describeError(error, t).message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={color} disabled={!valid} loading={pending} onClick={() => onSubmit(reason.trim())}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ScrapDialog({ line, batch, onClose }: { line: Line; batch: LineBatch; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const scrap = useScrapLineWip();
  const keyFor = useActionKey();
  const department = t(`departments.${line.department}`);
  return (
    <ReasonDialog
      title={t('production.lines.scrapTitle', { batch: batch.batchNumber })}
      explain={t('production.lines.scrapExplain', {
        quantity: formatNumber(batch.quantity, i18n.language),
        batch: batch.batchNumber,
        department,
      })}
      submitLabel={t('production.lines.scrap')}
      color="red"
      pending={scrap.isPending}
      error={scrap.error}
      onClose={onClose}
      onSubmit={(reason) => {
        if (!isLineDepartment(line.department)) return;
        const request = { department: line.department, body: { moId: batch.moId, reason } };
        scrap.mutate(
          { ...request, idempotencyKey: keyFor(request) },
          {
            onSuccess: () => {
              notifications.show({
                color: 'green',
                message: t('production.lines.scrapped', { batch: batch.batchNumber, department }),
              });
              onClose();
            },
          },
        );
      }}
    />
  );
}

function OverrideDialog({ block, onClose }: { block: LineBlock; onClose: () => void }) {
  const { t } = useTranslation();
  const override = useOverrideBlock();
  const keyFor = useActionKey();
  return (
    <ReasonDialog
      title={t('production.lines.overrideTitle', { batch: block.batchNumber })}
      explain={t('production.lines.overrideExplain', { department: t(`departments.${block.department}`) })}
      submitLabel={t('production.lines.override')}
      color="orange"
      pending={override.isPending}
      error={override.error}
      onClose={onClose}
      onSubmit={(reason) => {
        const request = { id: block.id, body: { reason } };
        override.mutate(
          { ...request, idempotencyKey: keyFor(request) },
          {
            onSuccess: () => {
              notifications.show({
                color: 'green',
                message: t('production.lines.overridden', { batch: block.batchNumber }),
              });
              onClose();
            },
          },
        );
      }}
    />
  );
}
