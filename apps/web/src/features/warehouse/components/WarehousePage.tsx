import { ModulePlaceholder } from '../../../components/ModulePlaceholder';

/** The warehouse module's landing page; its team replaces the placeholder with the real screens. */
export function WarehousePage() {
  return <ModulePlaceholder module="warehouse" />;
}
