import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MrpExceptionReasons1796442785895 implements MigrationInterface {
  name = 'MrpExceptionReasons1796442785895';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "mrp_exceptions" ADD "reason" character varying(40)`);
    await q.query(`ALTER TABLE "mrp_exceptions" ADD "params" jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "mrp_exceptions" DROP COLUMN "params"`);
    await q.query(`ALTER TABLE "mrp_exceptions" DROP COLUMN "reason"`);
  }
}
