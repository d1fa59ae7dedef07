import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MoSalesOrderLine1796414843472 implements MigrationInterface {
  name = 'MoSalesOrderLine1796414843472';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "manufacturing_orders" ADD "sales_order_line_id" uuid`);
    await q.query(
      `CREATE INDEX "mo_sales_order_line_idx" ON "manufacturing_orders"  ("sales_order_line_id") `,
    );
    await q.query(
      `ALTER TABLE "manufacturing_orders" ADD CONSTRAINT "FK_7f947fd38619db16c9e11044fd7" FOREIGN KEY ("sales_order_line_id") REFERENCES "sales_order_lines"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "manufacturing_orders" DROP CONSTRAINT "FK_7f947fd38619db16c9e11044fd7"`);
    await q.query(`DROP INDEX "public"."mo_sales_order_line_idx"`);
    await q.query(`ALTER TABLE "manufacturing_orders" DROP COLUMN "sales_order_line_id"`);
  }
}
