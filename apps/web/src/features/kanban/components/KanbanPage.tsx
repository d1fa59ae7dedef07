import { ModulePlaceholder } from '../../../components/ModulePlaceholder';

/** The kanban module's landing page; its team replaces the placeholder with the real screens. */
export function KanbanPage() {
  return <ModulePlaceholder module="kanban" />;
}
