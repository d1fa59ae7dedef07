import { ModulePlaceholder } from '../../../components/ModulePlaceholder';

/** The production module's landing page; its team replaces the placeholder with the real screens. */
export function ProductionPage() {
  return <ModulePlaceholder module="production" />;
}
