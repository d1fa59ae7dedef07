import { Alert, Group, Text } from '@mantine/core';
import { isVarianceWarning, variance, VARIANCE_WARNING_THRESHOLD } from '@kapok/contracts';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatFraction, formatNumber, formatSignedFraction } from '../shared/format';

/**
 * The variance the completion will record, computed as the server does, while the quantity is typed:
 * above 10% from the plan it warns (the completion is still accepted, with a warning on the order).
 */
export function VariancePreview({ planned, actual, uom }: { planned: number; actual: number; uom: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (!Number.isFinite(actual) || actual <= 0 || planned <= 0) return null;
  const fraction = variance(actual, planned);
  const difference = Math.round((actual - planned) * 10_000) / 10_000;
  const warning = isVarianceWarning(fraction);
  const quantity = `${formatNumber(Math.abs(difference), lang)} ${uom}`;

  return (
    <div aria-live="polite">
      <Group gap="xs" data-testid="variance">
        <Text size="sm" fw={600}>
          {t('ppic.complete.variance')}
        </Text>
        <Text size="sm" fw={700} c={warning ? 'orange.8' : difference === 0 ? undefined : 'teal.8'}>
          {formatSignedFraction(fraction, lang)}
        </Text>
        <Text size="sm" c="dimmed">
          {difference === 0
            ? t('ppic.complete.asPlanned')
            : difference > 0
              ? t('ppic.complete.more', { quantity })
              : t('ppic.complete.fewer', { quantity })}
        </Text>
      </Group>
      {warning && (
        <Alert
          mt="xs"
          color="orange"
          variant="light"
          icon={<IconAlertTriangle />}
          title={t('ppic.complete.warningTitle', {
            threshold: formatFraction(VARIANCE_WARNING_THRESHOLD, lang, 0),
          })}
        >
          {t('ppic.complete.warningBody')}
        </Alert>
      )}
    </div>
  );
}
