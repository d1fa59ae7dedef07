import { ModulePlaceholder } from '../../../components/ModulePlaceholder';

/** The ppic module's landing page; its team replaces the placeholder with the real screens. */
export function PpicPage() {
  return <ModulePlaceholder module="ppic" />;
}
