import {
  Alert,
  Badge,
  Button,
  Drawer,
  EmptyState,
  Group,
  Modal,
  MultiSelect,
  Stack,
  Switch,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { webhookPatternChoices, type WebhookDeliveryStatus } from '@kapok/contracts';
import {
  IconAlertCircle,
  IconList,
  IconRefresh,
  IconSend,
  IconTrash,
  IconWebhook,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { ListFrame } from '../../../components/ListFrame';
import { usePermission } from '../../../lib/auth';
import { describeError, fieldErrors } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/time';
import {
  integrationQueries,
  useCreateWebhook,
  useDeleteWebhook,
  usePingWebhook,
  useRedeliver,
  useUpdateWebhook,
  type Webhook,
  type WebhookDelivery,
} from '../api';
import { SecretOnce } from './SecretOnce';

const STATUS_COLOR: Record<WebhookDeliveryStatus, string> = {
  pending: 'blue',
  delivered: 'green',
  failed: 'red',
};
const PATTERNS = webhookPatternChoices().map((p) => ({ value: p, label: p }));
const DELIVERY_PAGE = 20;

/** Outgoing webhooks: subscriptions, their delivery log, a test ping and redelivery. */
export function WebhooksPage() {
  const { t, i18n } = useTranslation();
  const hooks = useQuery(integrationQueries.webhooks());
  const canUpdate = usePermission('admin.update');
  const canDelete = usePermission('admin.delete');
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [viewing, setViewing] = useState<Webhook | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const ping = usePingWebhook();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();

  const sendPing = (hook: Webhook) =>
    ping.mutate(hook.id, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('integrations.hooks.pinged') });
        setViewing(hook);
      },
      onError: (e) => notifications.show({ color: 'red', message: describeError(e, t).message }),
    });
  const toggle = (hook: Webhook, active: boolean) =>
    update.mutate(
      {
        id: hook.id,
        url: hook.url,
        events: hook.events,
        description: hook.description,
        active,
        version: hook.version,
      },
      { onError: (e) => notifications.show({ color: 'red', message: describeError(e, t).message }) },
    );

  const columns: DataColumn<Webhook>[] = [
    {
      id: 'url',
      header: t('integrations.hooks.url'),
      alwaysVisible: true,
      sortValue: (h) => h.url,
      cell: (h) => (
        <div>
          <Text size="sm" fw={600} style={{ wordBreak: 'break-all' }}>
            {h.url}
          </Text>
          {h.description && (
            <Text size="xs" c="dimmed">
              {h.description}
            </Text>
          )}
        </div>
      ),
    },
    {
      id: 'events',
      header: t('integrations.hooks.events'),
      sortValue: (h) => h.events.join(' '),
      cell: (h) => (
        <Group gap={4}>
          {h.events.map((e) => (
            <Badge key={e} variant="light" radius="sm" tt="none" ff="monospace">
              {e}
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      id: 'active',
      header: t('integrations.hooks.active'),
      sortValue: (h) => (h.active ? 1 : 0),
      cell: (h) => (
        <Switch
          checked={h.active}
          disabled={!canUpdate || update.isPending}
          onChange={(e) => toggle(h, e.currentTarget.checked)}
          aria-label={t('integrations.hooks.activeFor', { url: h.url })}
        />
      ),
    },
    {
      id: 'recent',
      header: t('integrations.hooks.recent'),
      sortValue: (h) => h.failed24h,
      cell: (h) => (
        <Group gap={6} wrap="nowrap">
          <Badge color="green" variant="light" tt="none">
            {t('integrations.hooks.deliveredCount', { count: h.delivered24h })}
          </Badge>
          {h.failed24h > 0 && (
            <Badge color="red" variant="light" tt="none">
              {t('integrations.hooks.failedCount', { count: h.failed24h })}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      id: 'last',
      header: t('integrations.hooks.lastDelivery'),
      hiddenByDefault: true,
      sortValue: (h) => h.lastDeliveryAt,
      cell: (h) => (
        <Text size="sm" c="dimmed">
          {h.lastDeliveryAt ? formatDateTime(h.lastDeliveryAt, i18n.language) : t('integrations.never')}
        </Text>
      ),
    },
    {
      id: 'actions',
      header: '',
      alwaysVisible: true,
      cell: (h) => (
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconList size={14} />}
            onClick={() => setViewing(h)}
          >
            {t('integrations.hooks.deliveries')}
          </Button>
          {canUpdate && h.active && (
            <Button
              size="compact-sm"
              variant="subtle"
              leftSection={<IconSend size={14} />}
              loading={ping.isPending && ping.variables === h.id}
              onClick={() => sendPing(h)}
            >
              {t('integrations.hooks.ping')}
            </Button>
          )}
          {canDelete && (
            <Tooltip label={t('integrations.hooks.delete')} withArrow>
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                onClick={() => setDeleting(h)}
                aria-label={t('integrations.hooks.deleteFor', { url: h.url })}
              >
                <IconTrash size={14} />
              </Button>
            </Tooltip>
          )}
        </Group>
      ),
    },
  ];

  return (
    <>
      <ListFrame
        title={t('integrations.hooks.title')}
        description={t('integrations.hooks.description')}
        create={{
          permission: 'admin.create',
          label: t('integrations.hooks.new'),
          onClick: () => setCreating(true),
        }}
        withBorder={false}
      >
        <DataTable<Webhook>
          tableId="admin.webhooks"
          label={t('integrations.hooks.title')}
          columns={columns}
          rows={hooks.data}
          rowId={(h) => h.id}
          loading={hooks.isPending}
          error={hooks.error}
          onRetry={() => void hooks.refetch()}
          empty={
            <EmptyState
              py="xl"
              withIndicatorBackground
              icon={<IconWebhook />}
              title={t('integrations.hooks.emptyTitle')}
              description={t('integrations.hooks.emptyBody')}
            />
          }
        />
      </ListFrame>
      {creating && <CreateWebhookModal onClose={() => setCreating(false)} onCreated={setSecret} />}
      <SecretOnce
        title={t('integrations.hooks.createdTitle')}
        secret={secret}
        hint={t('integrations.hooks.secretHint')}
        onClose={() => setSecret(null)}
      />
      <Drawer
        opened={viewing !== null}
        onClose={() => setViewing(null)}
        position="right"
        size="xl"
        title={t('integrations.hooks.deliveriesOf', { url: viewing?.url ?? '' })}
      >
        {viewing && <DeliveryLog hook={viewing} canRedeliver={canUpdate} />}
      </Drawer>
      <ConfirmAction
        subject={deleting}
        title={() => t('integrations.hooks.deleteTitle')}
        body={(h) => t('integrations.hooks.deleteBody', { url: h.url })}
        confirmLabel={t('integrations.hooks.delete')}
        pending={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={(h) => remove.mutate(h.id, { onSuccess: () => setDeleting(null) })}
      />
    </>
  );
}

function DeliveryLog({ hook, canRedeliver }: { hook: Webhook; canRedeliver: boolean }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const log = useQuery(integrationQueries.deliveries(hook.id, (page - 1) * DELIVERY_PAGE, DELIVERY_PAGE));
  const redeliver = useRedeliver();
  const columns: DataColumn<WebhookDelivery>[] = [
    {
      id: 'created',
      header: t('integrations.deliveries.created'),
      alwaysVisible: true,
      sortValue: (d) => d.createdAt,
      cell: (d) => <Text size="sm">{formatDateTime(d.createdAt, i18n.language)}</Text>,
    },
    {
      id: 'event',
      header: t('integrations.deliveries.event'),
      sortValue: (d) => d.eventType,
      cell: (d) => (
        <Text size="sm" ff="monospace">
          {d.eventType}
        </Text>
      ),
    },
    {
      id: 'status',
      header: t('integrations.deliveries.status'),
      sortValue: (d) => d.status,
      cell: (d) => (
        <Tooltip
          label={d.lastError ?? d.lastResponse ?? ''}
          disabled={!d.lastError && !d.lastResponse}
          multiline
          w={320}
          withArrow
        >
          <Badge color={STATUS_COLOR[d.status]} variant="light" tt="none">
            {t(`integrations.deliveries.states.${d.status}`)}
            {d.lastStatusCode !== null ? ` · ${d.lastStatusCode}` : ''}
          </Badge>
        </Tooltip>
      ),
    },
    {
      id: 'attempts',
      header: t('integrations.deliveries.attempts'),
      sortValue: (d) => d.attempts,
      cell: (d) => <Text size="sm">{d.attempts}</Text>,
    },
    {
      id: 'next',
      header: t('integrations.deliveries.next'),
      sortValue: (d) => d.nextAttemptAt,
      cell: (d) => (
        <Text size="sm" c="dimmed">
          {d.nextAttemptAt ? formatDateTime(d.nextAttemptAt, i18n.language) : '—'}
        </Text>
      ),
    },
    ...(canRedeliver
      ? [
          {
            id: 'redeliver',
            header: '',
            alwaysVisible: true,
            sticky: true,
            cell: (d: WebhookDelivery) =>
              d.status === 'pending' ? null : (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  leftSection={<IconRefresh size={14} />}
                  loading={redeliver.isPending && redeliver.variables?.deliveryId === d.id}
                  onClick={() =>
                    redeliver.mutate(
                      { id: hook.id, deliveryId: d.id },
                      {
                        onError: (e) =>
                          notifications.show({ color: 'red', message: describeError(e, t).message }),
                      },
                    )
                  }
                >
                  {t('integrations.deliveries.redeliver')}
                </Button>
              ),
          } satisfies DataColumn<WebhookDelivery>,
        ]
      : []),
  ];
  return (
    <DataTable<WebhookDelivery>
      tableId="admin.webhookDeliveries"
      label={t('integrations.hooks.deliveries')}
      columns={columns}
      rows={log.data?.items}
      rowId={(d) => d.id}
      loading={log.isPending}
      error={log.error}
      onRetry={() => void log.refetch()}
      stale={log.isPlaceholderData}
      paging={{ page, pageSize: DELIVERY_PAGE, total: log.data?.total ?? 0, onPageChange: setPage }}
      empty={
        <EmptyState
          py="xl"
          withIndicatorBackground
          icon={<IconSend />}
          title={t('integrations.deliveries.emptyTitle')}
          description={t('integrations.deliveries.emptyBody')}
        />
      }
    />
  );
}

function CreateWebhookModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (secret: string) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateWebhook();
  const [url, setUrl] = useState('https://');
  const [events, setEvents] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { url: url.trim(), events, description: description.trim() || null, active: true },
      {
        onSuccess: (hook) => {
          onClose();
          onCreated(hook.secret);
        },
      },
    );
  };
  const fields = fieldErrors(create.error);
  const banner =
    create.error && !fields.url && !fields.events ? describeError(create.error, t).message : null;
  return (
    <Modal opened onClose={onClose} title={t('integrations.hooks.new')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {banner && (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
              {banner}
            </Alert>
          )}
          <TextInput
            label={t('integrations.hooks.url')}
            description={t('integrations.hooks.urlHint')}
            withAsterisk
            data-autofocus
            maxLength={2048}
            autoCapitalize="none"
            spellCheck={false}
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={fields.url}
          />
          <MultiSelect
            label={t('integrations.hooks.events')}
            description={t('integrations.hooks.eventsHint')}
            withAsterisk
            data={PATTERNS}
            value={events}
            onChange={setEvents}
            searchable
            maxValues={50}
            error={fields.events}
          />
          <TextInput
            label={t('integrations.hooks.descriptionLabel')}
            maxLength={200}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!url.trim() || events.length === 0}>
              {t('integrations.hooks.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
