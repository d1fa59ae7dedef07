import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DashboardWindow1796417380801 implements MigrationInterface {
  name = 'DashboardWindow1796417380801';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "work_orders_department_ended_idx" ON "work_orders"  ("department", "ended_at") `,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."work_orders_department_ended_idx"`);
  }
}
