import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Quality1796423385426 implements MigrationInterface {
  name = 'Quality1796423385426';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE "public"."inspection_type" AS ENUM('INCOMING', 'METAL_DETECTION', 'STUFFING_WEIGHT', 'INLINE')`,
    );
    await q.query(`CREATE TYPE "public"."inspection_verdict" AS ENUM('PASSED', 'FAILED')`);
    await q.query(
      `CREATE TABLE "quality_inspections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "type" "public"."inspection_type" NOT NULL, "lot_id" uuid, "work_order_id" uuid, "product_id" uuid NOT NULL, "inspector_id" uuid NOT NULL, "inspected_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "plan" jsonb, "sample_size" integer, "defects" integer, "defects_by_code" jsonb, "passed_qty" integer, "failed_qty" integer, "weights" jsonb, "standard_grams" numeric(10,2), "tolerance_grams" numeric(10,2), "mean_grams" numeric(10,2), "min_grams" numeric(10,2), "max_grams" numeric(10,2), "out_of_tolerance" integer, "verdict" "public"."inspection_verdict" NOT NULL, "notes" character varying(500), CONSTRAINT "PK_95d9caed0d2abaff779a8fd4300" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "quality_inspections_product_type_idx" ON "quality_inspections"  ("product_id", "type", "inspected_at") `,
    );
    await q.query(
      `CREATE INDEX "quality_inspections_work_order_idx" ON "quality_inspections"  ("work_order_id") `,
    );
    await q.query(`CREATE INDEX "quality_inspections_lot_idx" ON "quality_inspections"  ("lot_id") `);
    await q.query(
      `CREATE TYPE "public"."lab_test_type" AS ENUM('DROP', 'SEAM_STRENGTH', 'TENSION', 'SMALL_PARTS', 'STABILITY', 'FLAMMABILITY', 'CHEMICAL')`,
    );
    await q.query(`CREATE TYPE "public"."limit_kind" AS ENUM('MIN', 'MAX')`);
    await q.query(
      `CREATE TABLE "lab_tests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lot_id" uuid NOT NULL, "product_id" uuid NOT NULL, "test_type" "public"."lab_test_type" NOT NULL, "measured_value" numeric(14,4) NOT NULL, "unit" character varying(20) NOT NULL, "standard" character varying(120) NOT NULL, "lab" character varying(120) NOT NULL, "limit_kind" "public"."limit_kind" NOT NULL, "limit_value" numeric(14,4) NOT NULL, "verdict" "public"."inspection_verdict" NOT NULL, "evidence" bytea, "evidence_content_type" character varying(40), "evidence_name" character varying(200), "evidence_size" integer, "evidence_url" character varying(500), "tested_by_id" uuid NOT NULL, "tested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_400d229da68540bf586c0f4a20f" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "lab_tests_lot_idx" ON "lab_tests"  ("lot_id", "test_type") `);
    await q.query(
      `CREATE TABLE "test_plan_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "product_id" uuid NOT NULL, "test_type" "public"."lab_test_type" NOT NULL, "standard" character varying(120) NOT NULL, "unit" character varying(20) NOT NULL, "limit_kind" "public"."limit_kind" NOT NULL, "limit_value" numeric(14,4) NOT NULL, CONSTRAINT "PK_0c58f77941d5d16fa1335101a36" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "test_plan_items_product_type_key" ON "test_plan_items"  ("product_id", "test_type") `,
    );
    await q.query(`ALTER TABLE "products" ADD "inspection_required" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "products" ADD "batch_release_required" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "products" ADD "standard_weight_grams" numeric(10,2)`);
    await q.query(`ALTER TABLE "products" ADD "weight_tolerance_grams" numeric(10,2)`);
    await q.query(
      `CREATE TYPE "public"."lot_quality_status" AS ENUM('QUARANTINE', 'RELEASED', 'REJECTED', 'BLOCKED')`,
    );
    await q.query(
      `ALTER TABLE "lots" ADD "quality_status" "public"."lot_quality_status" NOT NULL DEFAULT 'RELEASED'`,
    );
    await q.query(`CREATE INDEX "lots_quality_status_idx" ON "lots"  ("quality_status") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."lots_quality_status_idx"`);
    await q.query(`ALTER TABLE "lots" DROP COLUMN "quality_status"`);
    await q.query(`DROP TYPE "public"."lot_quality_status"`);
    await q.query(`ALTER TABLE "products" DROP COLUMN "weight_tolerance_grams"`);
    await q.query(`ALTER TABLE "products" DROP COLUMN "standard_weight_grams"`);
    await q.query(`ALTER TABLE "products" DROP COLUMN "batch_release_required"`);
    await q.query(`ALTER TABLE "products" DROP COLUMN "inspection_required"`);
    await q.query(`DROP INDEX "public"."test_plan_items_product_type_key"`);
    await q.query(`DROP TABLE "test_plan_items"`);
    await q.query(`DROP INDEX "public"."lab_tests_lot_idx"`);
    await q.query(`DROP TABLE "lab_tests"`);
    await q.query(`DROP TYPE "public"."limit_kind"`);
    await q.query(`DROP TYPE "public"."lab_test_type"`);
    await q.query(`DROP INDEX "public"."quality_inspections_lot_idx"`);
    await q.query(`DROP INDEX "public"."quality_inspections_work_order_idx"`);
    await q.query(`DROP INDEX "public"."quality_inspections_product_type_idx"`);
    await q.query(`DROP TABLE "quality_inspections"`);
    await q.query(`DROP TYPE "public"."inspection_verdict"`);
    await q.query(`DROP TYPE "public"."inspection_type"`);
  }
}
