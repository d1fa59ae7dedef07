import type { Permission } from '@kapok/contracts';
import { Button, Paper } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Can } from './Can';
import { PageHeader } from './PageHeader';

/** The "new" button of a list: to the form's page, or opening its dialog; shown to those allowed. */
export type ListCreate = { permission: Permission; label: string } & (
  { to: string; onClick?: never } | { onClick: () => void; to?: never }
);

/**
 * A list page's frame: the page header with its "new" button, and the panel that holds the list
 * (a `DataTable`).
 */
export function ListFrame({
  title,
  description,
  create,
  withBorder = true,
  children,
}: {
  title: string;
  description: string;
  create?: ListCreate;
  withBorder?: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={
          create && (
            <Can permission={create.permission}>
              {create.to !== undefined ? (
                <Button component={Link} to={create.to} leftSection={<IconPlus size={16} />}>
                  {create.label}
                </Button>
              ) : (
                <Button leftSection={<IconPlus size={16} />} onClick={create.onClick}>
                  {create.label}
                </Button>
              )}
            </Can>
          )
        }
      />
      <Paper withBorder={withBorder} p="md" radius="md">
        {children}
      </Paper>
    </>
  );
}
