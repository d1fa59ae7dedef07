import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MrpRunState1796430970127 implements MigrationInterface {
  name = 'MrpRunState1796430970127';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."mrp_run_state" AS ENUM('RUNNING', 'FINISHED', 'FAILED')`);
    await q.query(`ALTER TABLE "mrp_runs" ADD "state" "public"."mrp_run_state" NOT NULL DEFAULT 'FINISHED'`);
    await q.query(`ALTER TABLE "mrp_runs" ADD "error_code" character varying(64)`);
    await q.query(`ALTER TABLE "mrp_runs" ADD "error_message" text`);
    await q.query(`ALTER TABLE "mrp_runs" ALTER COLUMN "finished_at" DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "mrp_runs" ALTER COLUMN "finished_at" SET NOT NULL`);
    await q.query(`ALTER TABLE "mrp_runs" DROP COLUMN "error_message"`);
    await q.query(`ALTER TABLE "mrp_runs" DROP COLUMN "error_code"`);
    await q.query(`ALTER TABLE "mrp_runs" DROP COLUMN "state"`);
    await q.query(`DROP TYPE "public"."mrp_run_state"`);
  }
}
