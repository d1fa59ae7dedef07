import { Anchor, Badge, Paper, Table, Text, Title } from '@mantine/core';
import type { MrpExceptionType } from '@kapok/contracts';
import { useTranslation } from 'react-i18next';
import type { MrpException } from '../api';

export const EXCEPTION_COLORS: Record<MrpExceptionType, string> = {
  PAST_DUE: 'red',
  LATE: 'orange',
  NO_BOM: 'grape',
  NO_SUPPLIER: 'yellow',
  EXCESS: 'gray',
};

/** Exceptions first: what the plan cannot do on time or at all. */
export function ExceptionsPanel({
  exceptions,
  onProduct,
}: {
  exceptions: MrpException[];
  onProduct: (productId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="sm">
        {t('planning.exceptions.title', { count: exceptions.length })}
      </Title>
      {exceptions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('planning.exceptions.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640} mah={320}>
          <Table aria-label={t('planning.exceptions.label')} verticalSpacing={6} stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('planning.fields.exception')}</Table.Th>
                <Table.Th>{t('planning.fields.product')}</Table.Th>
                <Table.Th>{t('planning.fields.week')}</Table.Th>
                <Table.Th>{t('planning.fields.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {exceptions.map((e, i) => (
                <Table.Tr key={`${e.type}-${e.productId}-${i}`}>
                  <Table.Td>
                    <Badge miw="max-content" color={EXCEPTION_COLORS[e.type]} variant="light" tt="none">
                      {t(`planning.exceptionType.${e.type}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      component="button"
                      size="sm"
                      fw={600}
                      ff="monospace"
                      onClick={() => onProduct(e.productId)}
                    >
                      {e.productCode}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{e.week}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.message}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
