import { Alert, List, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../../lib/errors';
import { formatQuantity } from '../format';
import { postingErrorMessage, shortagesOf } from './posting-errors';

/**
 * What went wrong with a posting that the fields do not already show: for a shortage, what is missing
 * where; otherwise the message and the request id.
 */
export function PostingError({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const shortages = shortagesOf(error);
  const q = (value: number, uom?: string) => formatQuantity(value, uom ?? '', i18n.language).trim();

  if (shortages) {
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertCircle />}
        title={t('warehouse.errors.INSUFFICIENT_STOCK')}
        role="alert"
      >
        <List size="sm" spacing={4}>
          {shortages.map((s, i) => (
            <List.Item key={i}>
              {t('warehouse.forms.shortage', {
                product: s.productCode ?? '',
                location: s.locationCode ?? t('warehouse.forms.anyLocation'),
                missing: q(s.missing, s.uom),
                requested: q(s.requested, s.uom),
                available: q(s.available, s.uom),
              })}
            </List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed" mt="xs">
          {t('warehouse.forms.shortageHint')}
        </Text>
      </Alert>
    );
  }

  const { requestId } = describeError(error, t);
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
      <Text size="sm">{postingErrorMessage(error, t)}</Text>
      {requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('common.requestId')}: {requestId}
        </Text>
      )}
    </Alert>
  );
}
