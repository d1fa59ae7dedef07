import { Tabs } from '@mantine/core';
import { IconChartLine, IconFlask, IconMagnet, IconPackageImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { FinishingTab } from './FinishingTab';
import { IncomingTab } from './IncomingTab';
import { LabTab } from './LabTab';
import { WeightChartTab } from './WeightChartTab';

const TABS = ['incoming', 'finishing', 'lab', 'weights'] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string | null): value is Tab => TABS.includes(value as Tab);

/**
 * The QC station, made for a tablet: incoming inspection of quarantined material with its ISO 2859-1
 * plan, the metal detector and the scale per finishing work order, lab tests per finished batch, and
 * the stuffing-weight chart per article.
 */
export function QualityPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('tab');
  const tab: Tab = isTab(chosen) ? chosen : 'incoming';
  return (
    <>
      <PageHeader title={t('quality.title')} description={t('quality.description')} />
      <Tabs
        value={tab}
        onChange={(v) => v && setParams({ tab: v }, { replace: true })}
        mb="lg"
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="incoming" leftSection={<IconPackageImport size={18} />}>
            {t('quality.tabs.incoming')}
          </Tabs.Tab>
          <Tabs.Tab value="finishing" leftSection={<IconMagnet size={18} />}>
            {t('quality.tabs.finishing')}
          </Tabs.Tab>
          <Tabs.Tab value="lab" leftSection={<IconFlask size={18} />}>
            {t('quality.tabs.lab')}
          </Tabs.Tab>
          <Tabs.Tab value="weights" leftSection={<IconChartLine size={18} />}>
            {t('quality.tabs.weights')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="incoming" pt="md">
          <IncomingTab />
        </Tabs.Panel>
        <Tabs.Panel value="finishing" pt="md">
          <FinishingTab />
        </Tabs.Panel>
        <Tabs.Panel value="lab" pt="md">
          <LabTab />
        </Tabs.Panel>
        <Tabs.Panel value="weights" pt="md">
          <WeightChartTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
