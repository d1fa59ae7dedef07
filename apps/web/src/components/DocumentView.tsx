import { Anchor, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** One column of a document's lines (after the line number). */
export interface DocumentLineColumn<L> {
  header: string;
  cell: (line: L) => ReactNode;
  align?: 'right';
  /** Keeps the cell on one line (quantities). */
  nowrap?: boolean;
}

export interface DocumentViewProps<L> {
  /** The document's number: the page's title and heading. */
  number: string;
  back: { to: string; label: string };
  /** Beside the number (the state). */
  badge: ReactNode;
  /** The dimmed line under the number (the partner, the total). */
  subtitle: ReactNode;
  /** Right of the heading (the state actions, edit). */
  actions: ReactNode;
  /** Between the heading and the blocks (a note, the printable documents). */
  notice?: ReactNode;
  /** The header facts, in a block of their own above the lines. */
  facts?: ReactNode;
  lines: {
    title: string;
    /** Below this width the lines scroll sideways. */
    minWidth: number;
    columns: readonly DocumentLineColumn<L>[];
    rows: readonly L[];
  };
  /** The blocks under the lines (receipts, shipments, the packing plan). */
  children?: ReactNode;
}

/**
 * One document's page (a sales order, a purchase order, a shipment): back to its list, the number
 * with its state and actions, its header facts, its numbered lines, then its own blocks.
 */
export function DocumentView<L extends { id: string; lineNo: number }>({
  number,
  back,
  badge,
  subtitle,
  actions,
  notice,
  facts,
  lines,
  children,
}: DocumentViewProps<L>) {
  return (
    <>
      <title>{`${number} · Kapok`}</title>
      <Anchor component={Link} to={back.to} size="sm" mb="xs" display="inline-flex" style={{ gap: 4 }}>
        <IconArrowLeft size={16} /> {back.label}
      </Anchor>
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} ff="monospace">
              {number}
            </Title>
            {badge}
          </Group>
          <Text c="dimmed">{subtitle}</Text>
        </Stack>
        {actions}
      </Group>
      {notice}
      <Stack gap="lg">
        {facts && (
          <Paper withBorder p="md" radius="md">
            {facts}
          </Paper>
        )}
        <Paper withBorder p="md" radius="md">
          <Title order={4} mb="sm">
            {lines.title}
          </Title>
          <Table.ScrollContainer minWidth={lines.minWidth}>
            <Table aria-label={lines.title} verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={36}>#</Table.Th>
                  {lines.columns.map((c) => (
                    <Table.Th key={c.header} ta={c.align}>
                      {c.header}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.rows.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>{l.lineNo}</Table.Td>
                    {lines.columns.map((c) => (
                      <Table.Td
                        key={c.header}
                        ta={c.align}
                        style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}
                      >
                        {c.cell(l)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
        {children}
      </Stack>
    </>
  );
}

/** An article: its code, and its name on one line under it. */
export function ArticleCell({ code, name }: { code: string; name: string }) {
  return (
    <>
      <Text size="sm" fw={600} ff="monospace">
        {code}
      </Text>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {name}
      </Text>
    </>
  );
}
