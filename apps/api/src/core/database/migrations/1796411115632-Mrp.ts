import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Mrp1796411115632 implements MigrationInterface {
  name = 'Mrp1796411115632';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "mrp_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE NOT NULL, "today" date NOT NULL, "horizon_weeks" integer NOT NULL, "weeks" jsonb NOT NULL, "make_count" integer NOT NULL, "buy_count" integer NOT NULL, "exception_count" integer NOT NULL, "product_count" integer NOT NULL, "created_by_id" uuid, "superseded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "mrp_runs_horizon_range" CHECK (horizon_weeks BETWEEN 1 AND 52), CONSTRAINT "PK_6b6af8747a97e151a27d0dbcb7b" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "mrp_runs_finished_idx" ON "mrp_runs"  ("finished_at") `);
    await q.query(
      `CREATE TYPE "public"."mrp_exception_type" AS ENUM('LATE', 'NO_BOM', 'NO_SUPPLIER', 'EXCESS', 'PAST_DUE')`,
    );
    await q.query(
      `CREATE TABLE "mrp_exceptions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "run_id" uuid NOT NULL, "type" "public"."mrp_exception_type" NOT NULL, "product_id" uuid NOT NULL, "product_code" character varying(50) NOT NULL, "product_name" character varying(200) NOT NULL, "week" character varying(8) NOT NULL, "message" character varying(500) NOT NULL, CONSTRAINT "PK_a98c0d9f88f448096bdfc228fbf" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "mrp_exceptions_run_idx" ON "mrp_exceptions"  ("run_id", "type") `);
    await q.query(
      `CREATE TABLE "mrp_grid_rows" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "run_id" uuid NOT NULL, "product_id" uuid NOT NULL, "product_code" character varying(50) NOT NULL, "product_name" character varying(200) NOT NULL, "uom" "public"."unit" NOT NULL, "low_level_code" integer NOT NULL, "safety_stock" numeric(18,4) NOT NULL, "on_hand" numeric(18,4) NOT NULL, "buckets" jsonb NOT NULL, CONSTRAINT "PK_2cb60f9b65fcacf96e753f8473f" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "mrp_grid_rows_run_product_key" ON "mrp_grid_rows"  ("run_id", "product_id") `,
    );
    await q.query(`CREATE TYPE "public"."planned_order_type" AS ENUM('MAKE', 'BUY')`);
    await q.query(
      `CREATE TABLE "mrp_planned_orders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "run_id" uuid NOT NULL, "key" character varying(12) NOT NULL, "type" "public"."planned_order_type" NOT NULL, "product_id" uuid NOT NULL, "product_code" character varying(50) NOT NULL, "product_name" character varying(200) NOT NULL, "quantity" numeric(18,4) NOT NULL, "uom" "public"."unit" NOT NULL, "purchase_quantity" numeric(18,4), "purchase_uom" "public"."unit", "supplier_id" uuid, "supplier_name" character varying(200), "supplier_item_id" uuid, "start_date" date NOT NULL, "due_date" date NOT NULL, "week" character varying(8) NOT NULL, "sales_order_line_id" uuid, "destination" character varying(8), "delivery_week" character varying(8), "late" boolean NOT NULL DEFAULT false, "pegs" jsonb NOT NULL, "released_at" TIMESTAMP WITH TIME ZONE, "released_by_id" uuid, "released_document_id" uuid, "released_document_number" character varying(30), CONSTRAINT "mrp_planned_orders_quantity_positive" CHECK (quantity > 0), CONSTRAINT "PK_84a79851fa0ee0a7ec94336a9ca" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "mrp_planned_orders_run_product_idx" ON "mrp_planned_orders"  ("run_id", "product_id") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "mrp_planned_orders_run_key" ON "mrp_planned_orders"  ("run_id", "key") `,
    );
    await q.query(
      `ALTER TABLE "mrp_exceptions" ADD CONSTRAINT "FK_45ec5eebcc45ebb0851aa78669b" FOREIGN KEY ("run_id") REFERENCES "mrp_runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "mrp_exceptions" ADD CONSTRAINT "FK_2efc02f51a520427e2dde62f61b" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "mrp_grid_rows" ADD CONSTRAINT "FK_e67e4a7a678bef348a07e4b1f91" FOREIGN KEY ("run_id") REFERENCES "mrp_runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "mrp_grid_rows" ADD CONSTRAINT "FK_ba60b0f2814397cd09a31fe2254" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "mrp_planned_orders" ADD CONSTRAINT "FK_d8d2d40e9b6285b0c4fde0e10b8" FOREIGN KEY ("run_id") REFERENCES "mrp_runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "mrp_planned_orders" ADD CONSTRAINT "FK_9bc716b2ed3eed55e2c73a0738a" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "mrp_planned_orders" DROP CONSTRAINT "FK_9bc716b2ed3eed55e2c73a0738a"`);
    await q.query(`ALTER TABLE "mrp_planned_orders" DROP CONSTRAINT "FK_d8d2d40e9b6285b0c4fde0e10b8"`);
    await q.query(`ALTER TABLE "mrp_grid_rows" DROP CONSTRAINT "FK_ba60b0f2814397cd09a31fe2254"`);
    await q.query(`ALTER TABLE "mrp_grid_rows" DROP CONSTRAINT "FK_e67e4a7a678bef348a07e4b1f91"`);
    await q.query(`ALTER TABLE "mrp_exceptions" DROP CONSTRAINT "FK_2efc02f51a520427e2dde62f61b"`);
    await q.query(`ALTER TABLE "mrp_exceptions" DROP CONSTRAINT "FK_45ec5eebcc45ebb0851aa78669b"`);
    await q.query(`DROP INDEX "public"."mrp_planned_orders_run_key"`);
    await q.query(`DROP INDEX "public"."mrp_planned_orders_run_product_idx"`);
    await q.query(`DROP TABLE "mrp_planned_orders"`);
    await q.query(`DROP TYPE "public"."planned_order_type"`);
    await q.query(`DROP INDEX "public"."mrp_grid_rows_run_product_key"`);
    await q.query(`DROP TABLE "mrp_grid_rows"`);
    await q.query(`DROP INDEX "public"."mrp_exceptions_run_idx"`);
    await q.query(`DROP TABLE "mrp_exceptions"`);
    await q.query(`DROP TYPE "public"."mrp_exception_type"`);
    await q.query(`DROP INDEX "public"."mrp_runs_finished_idx"`);
    await q.query(`DROP TABLE "mrp_runs"`);
  }
}
