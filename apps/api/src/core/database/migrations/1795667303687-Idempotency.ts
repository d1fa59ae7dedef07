import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Idempotency1795667303687 implements MigrationInterface {
  name = 'Idempotency1795667303687';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "idempotency_keys" ("user_id" uuid NOT NULL, "key" character varying(200) NOT NULL, "request_hash" character(64) NOT NULL, "state" character varying(12) NOT NULL, "status_code" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_392b1af86f210d98d3f0c764728" PRIMARY KEY ("user_id", "key"))`,
    );
    await q.query(`CREATE INDEX "idempotency_keys_expiry_idx" ON "idempotency_keys"  ("expires_at") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idempotency_keys_expiry_idx"`);
    await q.query(`DROP TABLE "idempotency_keys"`);
  }
}
