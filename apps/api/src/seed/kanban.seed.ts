import type { Department, Priority } from '@kapok/contracts';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KanbanRulesService } from '../modules/kanban/kanban-rules.service.js';
import { KanbanService } from '../modules/kanban/kanban.service.js';
import { principal } from './principal.js';

type Step = 'REQUESTED' | 'APPROVED' | 'IN_TRANSIT' | 'RECEIVED' | 'SHORT' | 'REJECTED' | 'CANCELLED';

/** [requesting user, product, quantity, priority, where the card ends up, reason, needed in hours]. */
const CARDS: Array<[string, string, number, Priority, Step, string, number]> = [
  ['packing', 'ACB30104', 40, 'URGENT', 'REQUESTED', 'Cartons for AFTONSPARV week 48, Belgium', 3],
  ['packing', 'ALS40012', 20, 'NORMAL', 'APPROVED', 'MIA stickers for the next pallet', 20],
  ['packing', 'PKG-PB-3040', 300, 'HIGH', 'IN_TRANSIT', 'Polybags for BLAHAJ', 6],
  ['packing', 'ACB30121', 4, 'NORMAL', 'RECEIVED', 'Pallets for container loading', -20],
  ['packing', 'PKG-TAPE', 6, 'LOW', 'REJECTED', 'Packing tape', 48],
  ['sewing', 'ALL40030', 500, 'HIGH', 'REQUESTED', 'EU labels for KRAMIG', 8],
  ['sewing', 'THR-5080-UB103', 10000, 'NORMAL', 'APPROVED', 'Two cones of sewing thread', 24],
  ['sewing', 'ACC-EYE-10MM', 1000, 'URGENT', 'IN_TRANSIT', 'Safety eyes, line 3 has run out', -2],
  ['sewing', 'ALL40031', 300, 'NORMAL', 'CANCELLED', 'US labels (order changed to EU)', 30],
  ['finishing', 'ALB40011', 450, 'HIGH', 'SHORT', 'Hang tags for AFTONSPARV', -4],
  ['cutting', 'IKHR504', 50, 'NORMAL', 'APPROVED', 'KOHAIR for the next AFTONSPARV lay', 12],
  ['embroidery', 'THR-2120-B2285', 5000, 'LOW', 'REQUESTED', 'Brown nylon for the eyes', 72],
];

const RULES: Array<[Department, string, number, number, Priority]> = [
  ['PACKING', 'ACB30104', 30, 60, 'HIGH'],
  ['FINISHING', 'IKP20157', 50, 100, 'NORMAL'],
  ['SEWING', 'ALL40030', 300, 1000, 'NORMAL'],
];

/** Cards in every state for several departments, and replenishment rules (one of which fires at once). */
export async function seedKanban(
  app: INestApplicationContext,
  log: (m: string) => void = () => undefined,
): Promise<void> {
  const ds = app.get(DataSource);
  const [{ n }] = await ds.query('select count(*)::int as n from kanban_cards');
  if (n > 0) return;
  const kanban = app.get(KanbanService, { strict: false });
  const rules = app.get(KanbanRulesService, { strict: false });
  const products = new Map<string, string>(
    (await ds.query('select code, id from products')).map((r: { code: string; id: string }) => [
      r.code,
      r.id,
    ]),
  );
  const warehouse = await principal(ds, 'warehouse');
  for (const [user, code, quantity, priority, step, reason, hours] of CARDS) {
    const requester = await principal(ds, user);
    const card = await kanban.create(
      {
        productId: products.get(code)!,
        quantity,
        priority,
        reason,
        neededBy: new Date(Date.now() + hours * 3_600_000),
      },
      requester,
    );
    if (step === 'CANCELLED') await kanban.cancel(card.id, requester);
    if (step === 'REJECTED')
      await kanban.reject(card.id, warehouse, 'Enough tape is still on the packing line');
    if (['APPROVED', 'IN_TRANSIT', 'RECEIVED', 'SHORT'].includes(step))
      await kanban.approve(card.id, warehouse, {});
    if (['IN_TRANSIT', 'RECEIVED', 'SHORT'].includes(step)) await kanban.ship(card.id, warehouse);
    if (step === 'RECEIVED') await kanban.receive(card.id, requester, {});
    if (step === 'SHORT')
      await kanban.receive(card.id, requester, {
        receivedQuantity: quantity - 10,
        shortReason: 'Ten came torn in transit',
      });
  }
  for (const [department, code, reorderPoint, orderQuantity, priority] of RULES) {
    await rules.set({ department, productId: products.get(code)!, reorderPoint, orderQuantity, priority });
  }
  log(`demo kanban: ${CARDS.length} cards in every state, ${RULES.length} replenishment rules`);
}
