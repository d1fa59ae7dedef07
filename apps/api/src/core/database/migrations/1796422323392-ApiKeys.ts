import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiKeys1796422323392 implements MigrationInterface {
  name = 'ApiKeys1796422323392';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(40) NOT NULL, "prefix" character varying(16) NOT NULL, "secret_hash" character varying(64) NOT NULL, "role_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "api_keys_secret_hash_key" ON "api_keys"  ("secret_hash") `);
    await q.query(
      `CREATE UNIQUE INDEX "api_keys_name_live_key" ON "api_keys"  ("name") WHERE revoked_at IS NULL`,
    );
    await q.query(
      `ALTER TABLE "api_keys" ADD CONSTRAINT "FK_0a4ace2ba56f859006688e29447" FOREIGN KEY ("role_id") REFERENCES "roles"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "FK_0a4ace2ba56f859006688e29447"`);
    await q.query(`DROP INDEX "public"."api_keys_name_live_key"`);
    await q.query(`DROP INDEX "public"."api_keys_secret_hash_key"`);
    await q.query(`DROP TABLE "api_keys"`);
  }
}
