import { Badge } from '@mantine/core';
import type { PartnerType } from '@kapok/contracts';
import { useTranslation } from 'react-i18next';

const COLORS: Record<PartnerType, string> = { CUSTOMER: 'blue', SUPPLIER: 'teal', SUBCONTRACTOR: 'grape' };

export function PartnerTypeBadge({ type }: { type: PartnerType }) {
  const { t } = useTranslation();
  return (
    <Badge miw="max-content" color={COLORS[type]} variant="light">
      {t(`partners.type.${type}`)}
    </Badge>
  );
}
