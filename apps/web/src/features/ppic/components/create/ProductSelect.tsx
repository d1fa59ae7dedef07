import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProductSearchSelect } from '../../../../components/ProductSearchSelect';
import { planningQueries, type PlannableProduct } from '../../api';

const usePlannableProducts = (search: string) => useQuery(planningQueries.products(search));

/** Searches finished goods and WIP by code or name, on the server. */
export function ProductSelect(props: {
  value: PlannableProduct | null;
  onChange: (product: PlannableProduct | null) => void;
  onBlur: () => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <ProductSearchSelect
      {...props}
      label={t('ppic.create.product')}
      placeholder={t('ppic.create.productPlaceholder')}
      nothingFound={t('ppic.create.noProducts')}
      useResults={usePlannableProducts}
      detail={(p) => (
        <Badge size="xs" variant="light" color={p.type === 'WIP' ? 'grape' : 'teal'} tt="none">
          {t(`ppic.productType.${p.type}`)}
        </Badge>
      )}
    />
  );
}
