import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KanbanPartial1796421296520 implements MigrationInterface {
  name = 'KanbanPartial1796421296520';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "kanban_cards" ADD "approved_quantity" numeric(18,4)`);
    await q.query(`ALTER TABLE "kanban_cards" ADD "remainder_reason" character varying(300)`);
    await q.query(`ALTER TABLE "kanban_cards" ADD "split_from_id" uuid`);
    await q.query(`ALTER TABLE "kanban_cards" ADD "short_reason" character varying(300)`);
    await q.query(
      `ALTER TABLE "kanban_cards" ADD CONSTRAINT "kanban_cards_approved_within_requested" CHECK (approved_quantity IS NULL OR (approved_quantity > 0 AND approved_quantity <= quantity))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "kanban_cards" DROP CONSTRAINT "kanban_cards_approved_within_requested"`);
    await q.query(`ALTER TABLE "kanban_cards" DROP COLUMN "short_reason"`);
    await q.query(`ALTER TABLE "kanban_cards" DROP COLUMN "split_from_id"`);
    await q.query(`ALTER TABLE "kanban_cards" DROP COLUMN "remainder_reason"`);
    await q.query(`ALTER TABLE "kanban_cards" DROP COLUMN "approved_quantity"`);
  }
}
