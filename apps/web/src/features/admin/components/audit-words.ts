import type { TFunction } from 'i18next';

/** `quality.lot` → `quality_lot`: a text key cannot hold the dot. */
const keyOf = (name: string) => name.replace(/\./g, '_');

/** "approvedQuantity" / "handed_over" → "Approved quantity" / "Handed over": the last resort for a new name. */
export const humanize = (name: string): string => {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The entity type in words ("Manufacturing order"). */
export const entityWord = (t: TFunction, entityType: string): string =>
  t(`admin.audit.entityTypes.${keyOf(entityType)}`, { defaultValue: humanize(entityType) });

/** What was done, in words: the action's last part ("manufacturing_order.approved" → "Approved"). */
export const actionWord = (t: TFunction, action: string): string => {
  const verb = action.slice(action.lastIndexOf('.') + 1);
  return t(`admin.audit.verbs.${verb}`, { defaultValue: humanize(verb) });
};

/** A recorded field's label in the reader's language ("approvedQuantity" → "Approved quantity"). */
export const fieldWord = (t: TFunction, field: string): string =>
  t(`admin.audit.fields.${keyOf(field)}`, { defaultValue: humanize(field) });
