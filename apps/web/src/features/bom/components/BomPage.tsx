import { ModulePlaceholder } from '../../../components/ModulePlaceholder';

/** The bom module's landing page; its team replaces the placeholder with the real screens. */
export function BomPage() {
  return <ModulePlaceholder module="bom" />;
}
