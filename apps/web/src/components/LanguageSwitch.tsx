import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage, type Language } from '../lib/i18n';

/** English / Bahasa Indonesia; the choice is remembered on this device. */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const value = i18n.resolvedLanguage === 'id' ? 'id' : currentLanguage();
  return (
    <SegmentedControl
      size={size}
      aria-label={t('language.label')}
      value={value}
      onChange={(v) => void setLanguage(v as Language)}
      data={[
        { value: 'en', label: 'EN' },
        { value: 'id', label: 'ID' },
      ]}
    />
  );
}
