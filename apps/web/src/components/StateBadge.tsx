import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The badge of a document's state (sales order, purchase order): one colour per state, the text from
 * `<textPrefix>.<state>`.
 */
export function stateBadge<S extends string>(textPrefix: string, colors: Record<S, string>) {
  return function StateBadge({ state, ...props }: { state: S } & BadgeProps) {
    const { t } = useTranslation();
    return (
      <Badge miw="max-content" color={colors[state]} variant="light" {...props}>
        {t(`${textPrefix}.${state}`)}
      </Badge>
    );
  };
}
