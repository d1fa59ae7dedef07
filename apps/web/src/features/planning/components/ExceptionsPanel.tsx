import { Anchor, Badge, Paper, Text, Title } from '@mantine/core';
import type { MrpExceptionType } from '@kapok/contracts';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { formatNumber } from '../../../lib/quantity';
import type { MrpException } from '../api';

export const EXCEPTION_COLORS: Record<MrpExceptionType, string> = {
  PAST_DUE: 'red',
  LATE: 'orange',
  NO_BOM: 'grape',
  NO_SUPPLIER: 'yellow',
  EXCESS: 'gray',
};

/** Quantities among an exception's params, written with the reader's decimal separator. */
const QUANTITY_PARAMS = new Set(['quantity', 'limit']);

/** The exception in the reader's language from its reason and params; the API's English text otherwise. */
export function exceptionText(t: TFunction, lang: string, e: MrpException): string {
  if (!e.reason) return e.message;
  const params = Object.fromEntries(
    Object.entries(e.params).map(([k, v]) => [k, QUANTITY_PARAMS.has(k) ? formatNumber(v, lang) : v]),
  );
  return t(`planning.exceptionReason.${e.reason}`, { ...params, defaultValue: e.message });
}

/** The order the API lists them in: what is already wrong first. */
const MRP_EXCEPTION_ORDER: MrpExceptionType[] = ['PAST_DUE', 'LATE', 'NO_BOM', 'NO_SUPPLIER', 'EXCESS'];
const PAGE = 25;

/** Exceptions first: what the plan cannot do on time or at all. */
export function ExceptionsPanel({
  exceptions,
  onProduct,
}: {
  exceptions: MrpException[];
  onProduct: (productId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const say = (e: MrpException) => exceptionText(t, i18n.language, e);
  // The run answers every exception at once: they are paged here, the most urgent first.
  const rows = useMemo(() => exceptions.map((e, i) => ({ ...e, id: `${i}` })), [exceptions]);
  const columns: DataColumn<MrpException>[] = [
    {
      id: 'type',
      header: t('planning.fields.exception'),
      sortValue: (e) => MRP_EXCEPTION_ORDER.indexOf(e.type),
      csv: (e) => t(`planning.exceptionType.${e.type}`),
      cell: (e) => (
        <Badge miw="max-content" color={EXCEPTION_COLORS[e.type]} variant="light" tt="none">
          {t(`planning.exceptionType.${e.type}`)}
        </Badge>
      ),
    },
    {
      id: 'product',
      header: t('planning.fields.product'),
      alwaysVisible: true,
      sortValue: (e) => e.productCode,
      csv: (e) => `${e.productCode} ${e.productName}`,
      cell: (e) => (
        <Anchor component="button" size="sm" fw={600} ff="monospace" onClick={() => onProduct(e.productId)}>
          {e.productCode}
        </Anchor>
      ),
    },
    {
      id: 'productName',
      header: t('planning.fields.productName'),
      hiddenByDefault: true,
      sortValue: (e) => e.productName,
      cell: (e) => e.productName,
    },
    {
      id: 'week',
      header: t('planning.fields.week'),
      minWidth: 96,
      sortValue: (e) => e.week,
      cell: (e) => e.week,
    },
    {
      id: 'message',
      header: t('planning.fields.message'),
      sortValue: say,
      cell: (e) => (
        <Text size="sm" miw={260} style={{ whiteSpace: 'normal' }}>
          {say(e)}
        </Text>
      ),
    },
  ];
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="sm">
        {t('planning.exceptions.title', { count: exceptions.length })}
      </Title>
      <DataTable<MrpException & { id: string }>
        tableId="planning.exceptions"
        label={t('planning.exceptions.label')}
        columns={columns}
        rows={rows.slice((page - 1) * PAGE, page * PAGE)}
        rowId={(e) => e.id}
        minWidth={640}
        whiteSpace="nowrap"
        csvFileName="mrp-exceptions"
        paging={{ page, pageSize: PAGE, total: rows.length, onPageChange: setPage }}
        empty={
          <Text size="sm" c="dimmed">
            {t('planning.exceptions.none')}
          </Text>
        }
      />
    </Paper>
  );
}
