import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Ppic1795667938590 implements MigrationInterface {
  name = 'Ppic1795667938590';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."route" AS ENUM('ROUTE_1', 'ROUTE_2', 'ROUTE_3')`);
    await q.query(
      `CREATE TYPE "public"."mo_state" AS ENUM('DRAFT', 'APPROVED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')`,
    );
    await q.query(
      `CREATE TABLE "manufacturing_orders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "batch_number" character varying(20) NOT NULL, "product_id" uuid NOT NULL, "bom_id" uuid, "bom_revision" integer, "stages" jsonb, "qty_planned" numeric(18,4) NOT NULL, "route" "public"."route" NOT NULL, "due_date" date, "week" character varying(10), "destination" character varying(60), "notes" character varying(500), "state" "public"."mo_state" NOT NULL DEFAULT 'DRAFT', "created_by_id" uuid, "approved_by_id" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "approve_notes" character varying(500), "started_by_id" uuid, "started_at" TIMESTAMP WITH TIME ZONE, "start_notes" character varying(500), "completed_by_id" uuid, "completed_at" TIMESTAMP WITH TIME ZONE, "quality_notes" character varying(500), "cancelled_by_id" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" character varying(500), "produced_qty" numeric(18,4), "variance" numeric(9,4), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "mo_self_approval" CHECK (approved_by_id IS NULL OR approved_by_id IS DISTINCT FROM created_by_id), CONSTRAINT "mo_produced_non_negative" CHECK (produced_qty IS NULL OR produced_qty > 0), CONSTRAINT "mo_qty_planned_positive" CHECK (qty_planned > 0), CONSTRAINT "PK_5d7beec12e77853d3f728cf9651" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "mo_batch_number_key" ON "manufacturing_orders"  ("batch_number") `);
    await q.query(
      `CREATE INDEX "mo_completed_idx" ON "manufacturing_orders"  ("completed_at") WHERE state = 'COMPLETED'`,
    );
    await q.query(`CREATE INDEX "mo_product_idx" ON "manufacturing_orders"  ("product_id") `);
    await q.query(`CREATE INDEX "mo_state_idx" ON "manufacturing_orders"  ("state", "due_date") `);
    await q.query(
      `CREATE TYPE "public"."work_order_state" AS ENUM('PENDING', 'READY', 'IN_PROGRESS', 'DONE', 'CANCELLED')`,
    );
    await q.query(
      `CREATE TABLE "work_orders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "mo_id" uuid NOT NULL, "department" "public"."department" NOT NULL, "sequence" integer NOT NULL, "state" "public"."work_order_state" NOT NULL DEFAULT 'PENDING', "output_product_id" uuid, "input_product_id" uuid, "target_qty" numeric(18,4) NOT NULL, "input_qty" numeric(18,4) NOT NULL DEFAULT '0', "good_qty" numeric(18,4) NOT NULL DEFAULT '0', "reject_qty" numeric(18,4) NOT NULL DEFAULT '0', "handed_over_qty" numeric(18,4) NOT NULL DEFAULT '0', "ready_at" TIMESTAMP WITH TIME ZONE, "started_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "operator_id" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "work_orders_quantities" CHECK (target_qty >= 0 AND input_qty >= 0 AND good_qty >= 0 AND reject_qty >= 0 AND handed_over_qty >= 0 AND handed_over_qty <= good_qty), CONSTRAINT "PK_29f6c1884082ee6f535aed93660" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "work_orders_department_idx" ON "work_orders"  ("department", "state") `);
    await q.query(`CREATE UNIQUE INDEX "work_orders_mo_key" ON "work_orders"  ("mo_id", "sequence") `);
    await q.query(`CREATE TYPE "public"."handover_state" AS ENUM('PENDING', 'ACCEPTED')`);
    await q.query(
      `CREATE TABLE "handovers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "number" character varying(20) NOT NULL, "from_work_order_id" uuid NOT NULL, "to_work_order_id" uuid NOT NULL, "quantity" numeric(18,4) NOT NULL, "received_qty" numeric(18,4), "state" "public"."handover_state" NOT NULL DEFAULT 'PENDING', "sent_by_id" uuid, "accepted_by_id" uuid, "accepted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "handovers_quantities" CHECK (quantity > 0 AND (received_qty IS NULL OR received_qty >= 0)), CONSTRAINT "PK_88432ab36f1a01be3bb86a16c28" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "handovers_number_key" ON "handovers"  ("number") `);
    await q.query(`CREATE INDEX "handovers_from_idx" ON "handovers"  ("from_work_order_id") `);
    await q.query(`CREATE INDEX "handovers_to_idx" ON "handovers"  ("to_work_order_id", "state") `);
    await q.query(
      `CREATE TABLE "mo_materials" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "mo_id" uuid NOT NULL, "product_id" uuid NOT NULL, "department" "public"."department" NOT NULL, "quantity" numeric(18,4) NOT NULL, "consumed_qty" numeric(18,4) NOT NULL DEFAULT '0', CONSTRAINT "mo_materials_quantities" CHECK (quantity > 0 AND consumed_qty >= 0), CONSTRAINT "PK_600039b591175c5cc0ed119c474" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "mo_materials_key" ON "mo_materials"  ("mo_id", "product_id", "department") `,
    );
    await q.query(
      `CREATE TABLE "work_order_outputs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "work_order_id" uuid NOT NULL, "good_qty" numeric(18,4) NOT NULL, "reject_qty" numeric(18,4) NOT NULL, "reject_reason" character varying(300), "recorded_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "work_order_outputs_quantities" CHECK (good_qty >= 0 AND reject_qty >= 0 AND good_qty + reject_qty > 0), CONSTRAINT "PK_613059abdc456c01a541248280e" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "work_order_outputs_wo_idx" ON "work_order_outputs"  ("work_order_id", "created_at") `,
    );
    await q.query(
      `ALTER TABLE "manufacturing_orders" ADD CONSTRAINT "FK_8a5b3c717075e34b2a6ec81e08a" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "manufacturing_orders" ADD CONSTRAINT "FK_06a3325af5142722a26a39b419a" FOREIGN KEY ("bom_id") REFERENCES "boms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "work_orders" ADD CONSTRAINT "FK_2c19ade02b8337ce49ae09c7298" FOREIGN KEY ("mo_id") REFERENCES "manufacturing_orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "work_orders" ADD CONSTRAINT "FK_c04185cda35d71a9aa8618343e6" FOREIGN KEY ("output_product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "handovers" ADD CONSTRAINT "FK_72e4b0c0cc15a688722f258e8fb" FOREIGN KEY ("from_work_order_id") REFERENCES "work_orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "handovers" ADD CONSTRAINT "FK_a2f1fb6df089b71dda569c7e1e4" FOREIGN KEY ("to_work_order_id") REFERENCES "work_orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "mo_materials" ADD CONSTRAINT "FK_063be79125c26eca0881034ad5c" FOREIGN KEY ("mo_id") REFERENCES "manufacturing_orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "mo_materials" ADD CONSTRAINT "FK_a90f702da289e6689010a968713" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "work_order_outputs" ADD CONSTRAINT "FK_0cea8e5c39d2d4954d936ad85bf" FOREIGN KEY ("work_order_id") REFERENCES "work_orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "work_order_outputs" DROP CONSTRAINT "FK_0cea8e5c39d2d4954d936ad85bf"`);
    await q.query(`ALTER TABLE "mo_materials" DROP CONSTRAINT "FK_a90f702da289e6689010a968713"`);
    await q.query(`ALTER TABLE "mo_materials" DROP CONSTRAINT "FK_063be79125c26eca0881034ad5c"`);
    await q.query(`ALTER TABLE "handovers" DROP CONSTRAINT "FK_a2f1fb6df089b71dda569c7e1e4"`);
    await q.query(`ALTER TABLE "handovers" DROP CONSTRAINT "FK_72e4b0c0cc15a688722f258e8fb"`);
    await q.query(`ALTER TABLE "work_orders" DROP CONSTRAINT "FK_c04185cda35d71a9aa8618343e6"`);
    await q.query(`ALTER TABLE "work_orders" DROP CONSTRAINT "FK_2c19ade02b8337ce49ae09c7298"`);
    await q.query(`ALTER TABLE "manufacturing_orders" DROP CONSTRAINT "FK_06a3325af5142722a26a39b419a"`);
    await q.query(`ALTER TABLE "manufacturing_orders" DROP CONSTRAINT "FK_8a5b3c717075e34b2a6ec81e08a"`);
    await q.query(`DROP INDEX "public"."work_order_outputs_wo_idx"`);
    await q.query(`DROP TABLE "work_order_outputs"`);
    await q.query(`DROP INDEX "public"."mo_materials_key"`);
    await q.query(`DROP TABLE "mo_materials"`);
    await q.query(`DROP INDEX "public"."handovers_to_idx"`);
    await q.query(`DROP INDEX "public"."handovers_from_idx"`);
    await q.query(`DROP INDEX "public"."handovers_number_key"`);
    await q.query(`DROP TABLE "handovers"`);
    await q.query(`DROP TYPE "public"."handover_state"`);
    await q.query(`DROP INDEX "public"."work_orders_mo_key"`);
    await q.query(`DROP INDEX "public"."work_orders_department_idx"`);
    await q.query(`DROP TABLE "work_orders"`);
    await q.query(`DROP TYPE "public"."work_order_state"`);
    await q.query(`DROP INDEX "public"."mo_state_idx"`);
    await q.query(`DROP INDEX "public"."mo_product_idx"`);
    await q.query(`DROP INDEX "public"."mo_completed_idx"`);
    await q.query(`DROP INDEX "public"."mo_batch_number_key"`);
    await q.query(`DROP TABLE "manufacturing_orders"`);
    await q.query(`DROP TYPE "public"."mo_state"`);
    await q.query(`DROP TYPE "public"."route"`);
  }
}
