import { ActionIcon, Alert, Anchor, Button, Group, Paper, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertCircle, IconArrowLeft, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from './PageHeader';

/** The top of a document form (a sales or purchase order): the way back, the title, what to do. */
export function DocumentFormHeader({
  backTo,
  backLabel,
  title,
  description,
  error,
}: {
  backTo: string;
  backLabel: string;
  title: string;
  description: string;
  /** The answer of a failed save that no field shows. */
  error?: string | null;
}) {
  return (
    <>
      <Anchor component={Link} to={backTo} size="sm" mb="xs" display="inline-flex" style={{ gap: 4 }}>
        <IconArrowLeft size={16} /> {backLabel}
      </Anchor>
      <PageHeader title={title} description={description} />
      {error && (
        <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert" mb="lg">
          {error}
        </Alert>
      )}
    </>
  );
}

/** The lines of a document form: a title, an add button, the grid, and a message for the lines as a whole. */
export function DocumentLines({
  title,
  addLabel,
  onAdd,
  addDisabled,
  error,
  children,
}: {
  title: string;
  addLabel: string;
  onAdd: () => void;
  addDisabled?: boolean;
  error?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{title}</Title>
        <Button
          variant="light"
          size="sm"
          leftSection={<IconPlus size={16} />}
          disabled={addDisabled}
          onClick={onAdd}
        >
          {addLabel}
        </Button>
      </Group>
      {error && (
        <Text c="red" size="sm" mb="xs">
          {error}
        </Text>
      )}
      {children}
    </Paper>
  );
}

/** Removes one line of a document form; the last line stays (a document has at least one). */
export function RemoveLineButton({
  label,
  tooltip,
  disabled,
  onClick,
}: {
  label: string;
  tooltip: string;
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <Tooltip label={tooltip}>
      <ActionIcon
        variant="subtle"
        color="red"
        mt={4}
        aria-label={label}
        disabled={disabled}
        onClick={onClick}
      >
        <IconTrash size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

/** Cancel and save at the foot of a document form. */
export function DocumentFormFooter({
  onCancel,
  submitLabel,
  pending,
}: {
  onCancel: () => void;
  submitLabel: string;
  pending: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending}>
        {submitLabel}
      </Button>
    </Group>
  );
}
