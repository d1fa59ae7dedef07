import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Passport1796421119299 implements MigrationInterface {
  name = 'Passport1796421119299';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "product_images" ("product_id" uuid NOT NULL, "content_type" character varying(40) NOT NULL, "data" bytea NOT NULL, "size" integer NOT NULL, "sha256" character varying(64) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4f166bb8c2bfcef2498d97b4068" PRIMARY KEY ("product_id"))`,
    );
    await q.query(
      `CREATE TABLE "company_settings" ("id" smallint NOT NULL DEFAULT '1', "legal_name" character varying(200) NOT NULL, "address" character varying(500) NOT NULL, "operator_id" character varying(60) NOT NULL, "contact_email" character varying(200) NOT NULL, "contact_phone" character varying(40), "website" character varying(200), "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "company_settings_single_row" CHECK (id = 1), CONSTRAINT "PK_036b4634217db79c17305442dbe" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "passports" ("lot_id" uuid NOT NULL, "code" character varying(22) NOT NULL, "issued_by_id" uuid, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cfe0d853cb54276447520137c97" PRIMARY KEY ("lot_id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "passports_code_key" ON "passports"  ("code") `);
    await q.query(`ALTER TABLE "products" ADD "hs_code" character varying(13)`);
    await q.query(`ALTER TABLE "products" ADD "age_grade" character varying(60)`);
    await q.query(`ALTER TABLE "products" ADD "warnings" jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE "products" ADD "legislation" jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE "products" ADD "harmonised_standards" jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE "products" ADD "fibre" character varying(60)`);
    await q.query(`CREATE TYPE "public"."fibre_origin" AS ENUM('VIRGIN', 'RECYCLED')`);
    await q.query(`ALTER TABLE "products" ADD "fibre_origin" "public"."fibre_origin"`);
    await q.query(
      `ALTER TABLE "product_images" ADD CONSTRAINT "FK_4f166bb8c2bfcef2498d97b4068" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "passports" ADD CONSTRAINT "FK_cfe0d853cb54276447520137c97" FOREIGN KEY ("lot_id") REFERENCES "lots"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "passports" DROP CONSTRAINT "FK_cfe0d853cb54276447520137c97"`);
    await q.query(`ALTER TABLE "product_images" DROP CONSTRAINT "FK_4f166bb8c2bfcef2498d97b4068"`);
    await q.query(`ALTER TABLE "products" DROP COLUMN "fibre_origin"`);
    await q.query(`DROP TYPE "public"."fibre_origin"`);
    await q.query(`ALTER TABLE "products" DROP COLUMN "fibre"`);
    await q.query(`ALTER TABLE "products" DROP COLUMN "harmonised_standards"`);
    await q.query(`ALTER TABLE "products" DROP COLUMN "legislation"`);
    await q.query(`ALTER TABLE "products" DROP COLUMN "warnings"`);
    await q.query(`ALTER TABLE "products" DROP COLUMN "age_grade"`);
    await q.query(`ALTER TABLE "products" DROP COLUMN "hs_code"`);
    await q.query(`DROP INDEX "public"."passports_code_key"`);
    await q.query(`DROP TABLE "passports"`);
    await q.query(`DROP TABLE "company_settings"`);
    await q.query(`DROP TABLE "product_images"`);
  }
}
