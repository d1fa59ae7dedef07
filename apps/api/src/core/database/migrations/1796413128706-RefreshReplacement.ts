import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RefreshReplacement1796413128706 implements MigrationInterface {
  name = 'RefreshReplacement1796413128706';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "refresh_tokens" ADD "replacement" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "refresh_tokens" DROP COLUMN "replacement"`);
  }
}
