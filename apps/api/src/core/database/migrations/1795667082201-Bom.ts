import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Bom1795667082201 implements MigrationInterface {
  name = 'Bom1795667082201';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."bom_type" AS ENUM('MANUFACTURING', 'KIT')`);
    await q.query(
      `CREATE TABLE "boms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "product_id" uuid NOT NULL, "bom_type" "public"."bom_type" NOT NULL, "qty_output" numeric(18,6) NOT NULL DEFAULT '1', "active" boolean NOT NULL DEFAULT true, "revision" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "boms_revision_positive" CHECK (revision >= 1), CONSTRAINT "boms_qty_output_positive" CHECK (qty_output > 0), CONSTRAINT "PK_59659fde3f22d3869fee0f78822" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "boms_product_idx" ON "boms"  ("product_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "boms_one_active_per_product" ON "boms"  ("product_id") WHERE active AND deleted_at IS NULL`,
    );
    await q.query(
      `CREATE TABLE "bom_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "bom_id" uuid NOT NULL, "position" integer NOT NULL, "component_id" uuid NOT NULL, "department" "public"."department" NOT NULL, "qty_needed" numeric(18,6) NOT NULL, "uom" "public"."unit" NOT NULL, "wastage_percent" numeric(5,2) NOT NULL DEFAULT '0', CONSTRAINT "bom_lines_wastage_range" CHECK (wastage_percent >= 0 AND wastage_percent < 100), CONSTRAINT "bom_lines_qty_positive" CHECK (qty_needed > 0), CONSTRAINT "PK_21f5a9ce67fd2be354c61f7c615" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "bom_lines_component_idx" ON "bom_lines"  ("component_id") `);
    await q.query(`CREATE INDEX "bom_lines_bom_idx" ON "bom_lines"  ("bom_id", "position") `);
    await q.query(`CREATE TYPE "public"."variant_type" AS ENUM('PRIMARY', 'ALTERNATIVE', 'OPTIONAL')`);
    await q.query(
      `CREATE TABLE "bom_line_variants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "line_id" uuid NOT NULL, "material_id" uuid NOT NULL, "variant_type" "public"."variant_type" NOT NULL, "sequence" integer NOT NULL, "qty_needed" numeric(18,6), CONSTRAINT "bom_line_variants_qty_positive" CHECK (qty_needed IS NULL OR qty_needed > 0), CONSTRAINT "PK_04916ca5e0a01b80c8981a5a4e7" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "bom_line_variants_line_idx" ON "bom_line_variants"  ("line_id", "sequence") `,
    );
    await q.query(
      `CREATE TABLE "bom_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "bom_id" uuid NOT NULL, "revision" integer NOT NULL, "reason" character varying(500) NOT NULL, "author_id" uuid, "author_username" character varying(50), "snapshot" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_625d991fb01ce2cf2786b851e15" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "bom_revisions_key" ON "bom_revisions"  ("bom_id", "revision") `);
    await q.query(
      `ALTER TABLE "boms" ADD CONSTRAINT "FK_703ca69b9f1a1d85b6b01b9accd" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bom_lines" ADD CONSTRAINT "FK_3cb0a6dd2f8ecb1306aee71d459" FOREIGN KEY ("bom_id") REFERENCES "boms"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bom_lines" ADD CONSTRAINT "FK_59221251cb078d7e2750c75b3ed" FOREIGN KEY ("component_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bom_line_variants" ADD CONSTRAINT "FK_ebc15577987b5c1b78e72d48d62" FOREIGN KEY ("line_id") REFERENCES "bom_lines"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bom_line_variants" ADD CONSTRAINT "FK_43614774a514dfa93d4c0ed3fda" FOREIGN KEY ("material_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bom_revisions" ADD CONSTRAINT "FK_bfbd17aebbf02310eb7442c2a1e" FOREIGN KEY ("bom_id") REFERENCES "boms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Revisions are history: never changed, never removed.
    await q.query(`CREATE FUNCTION kapok_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(
      `CREATE TRIGGER bom_revisions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "bom_revisions" FOR EACH STATEMENT EXECUTE FUNCTION kapok_append_only()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "bom_revisions_append_only" ON "bom_revisions"`);
    await q.query(`DROP FUNCTION kapok_append_only()`);
    await q.query(`ALTER TABLE "bom_revisions" DROP CONSTRAINT "FK_bfbd17aebbf02310eb7442c2a1e"`);
    await q.query(`ALTER TABLE "bom_line_variants" DROP CONSTRAINT "FK_43614774a514dfa93d4c0ed3fda"`);
    await q.query(`ALTER TABLE "bom_line_variants" DROP CONSTRAINT "FK_ebc15577987b5c1b78e72d48d62"`);
    await q.query(`ALTER TABLE "bom_lines" DROP CONSTRAINT "FK_59221251cb078d7e2750c75b3ed"`);
    await q.query(`ALTER TABLE "bom_lines" DROP CONSTRAINT "FK_3cb0a6dd2f8ecb1306aee71d459"`);
    await q.query(`ALTER TABLE "boms" DROP CONSTRAINT "FK_703ca69b9f1a1d85b6b01b9accd"`);
    await q.query(`DROP INDEX "public"."bom_revisions_key"`);
    await q.query(`DROP TABLE "bom_revisions"`);
    await q.query(`DROP INDEX "public"."bom_line_variants_line_idx"`);
    await q.query(`DROP TABLE "bom_line_variants"`);
    await q.query(`DROP TYPE "public"."variant_type"`);
    await q.query(`DROP INDEX "public"."bom_lines_bom_idx"`);
    await q.query(`DROP INDEX "public"."bom_lines_component_idx"`);
    await q.query(`DROP TABLE "bom_lines"`);
    await q.query(`DROP INDEX "public"."boms_one_active_per_product"`);
    await q.query(`DROP INDEX "public"."boms_product_idx"`);
    await q.query(`DROP TABLE "boms"`);
    await q.query(`DROP TYPE "public"."bom_type"`);
  }
}
