import { ModulePlaceholder } from '../../../components/ModulePlaceholder';

/** The QC station; its screens arrive with the quality routes. */
export function QualityPage() {
  return <ModulePlaceholder module="quality" />;
}
