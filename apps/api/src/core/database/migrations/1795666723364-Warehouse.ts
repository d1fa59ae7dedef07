import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Warehouse1795666723364 implements MigrationInterface {
  name = 'Warehouse1795666723364';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TYPE "public"."location_type" AS ENUM('WAREHOUSE', 'LINE', 'TRANSIT', 'SUPPLIER', 'CUSTOMER', 'PRODUCTION', 'LOSS')`,
    );
    await q.query(
      `CREATE TABLE "locations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "code" character varying(50) NOT NULL, "name" character varying(120) NOT NULL, "type" "public"."location_type" NOT NULL, "department" "public"."department", "is_finished_goods" boolean NOT NULL DEFAULT false, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "locations_finished_goods_rule" CHECK (NOT is_finished_goods OR type = 'WAREHOUSE'), CONSTRAINT "locations_department_rule" CHECK ((type IN ('LINE', 'TRANSIT')) = (department IS NOT NULL)), CONSTRAINT "PK_7cc1c9e3853b94816c094825e74" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "locations_code_key" ON "locations"  ("code") `);
    await q.query(
      `CREATE UNIQUE INDEX "locations_one_virtual_per_type" ON "locations"  ("type") WHERE type IN ('SUPPLIER', 'CUSTOMER', 'PRODUCTION', 'LOSS')`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "locations_one_finished_goods" ON "locations"  ("is_finished_goods") WHERE is_finished_goods`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "locations_line_per_department" ON "locations"  ("type", "department") WHERE type IN ('LINE', 'TRANSIT')`,
    );
    await q.query(
      `CREATE TYPE "public"."product_type" AS ENUM('RAW_MATERIAL', 'ACCESSORY', 'WIP', 'FINISHED_GOOD')`,
    );
    await q.query(
      `CREATE TYPE "public"."unit" AS ENUM('PCS', 'METER', 'YARD', 'CM', 'KG', 'GRAM', 'CONE', 'ROLL', 'CARTON', 'SET', 'PACK', 'SHEET')`,
    );
    await q.query(
      `CREATE TABLE "products" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "code" character varying(50) NOT NULL, "name" character varying(200) NOT NULL, "type" "public"."product_type" NOT NULL, "uom" "public"."unit" NOT NULL, "unit_conversions" jsonb NOT NULL DEFAULT '[]', "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_0806c755e0aca124e67c0cf6d7d" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "products_code_key" ON "products"  ("code") `);
    await q.query(`CREATE INDEX "products_type_idx" ON "products"  ("type") `);
    await q.query(
      `CREATE TABLE "lots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "product_id" uuid NOT NULL, "lot_number" character varying(60) NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "supplier_reference" character varying(120), CONSTRAINT "PK_2bb990a4015865cb1daa1d22fd9" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "lots_fifo_idx" ON "lots"  ("product_id", "received_at") `);
    await q.query(`CREATE UNIQUE INDEX "lots_product_number_key" ON "lots"  ("product_id", "lot_number") `);
    await q.query(`CREATE TYPE "public"."alert_level" AS ENUM('OK', 'LOW', 'CRITICAL', 'OUT')`);
    await q.query(`CREATE TYPE "public"."alert_status" AS ENUM('OPEN', 'ACKNOWLEDGED', 'RESOLVED')`);
    await q.query(
      `CREATE TABLE "stock_alerts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "product_id" uuid NOT NULL, "location_id" uuid, "level" "public"."alert_level" NOT NULL, "status" "public"."alert_status" NOT NULL DEFAULT 'OPEN', "available_at_open" numeric(18,4) NOT NULL, "available_now" numeric(18,4) NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledged_by_id" uuid, "acknowledge_note" character varying(300), "resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3c3bb550b3bf192460bffe3a55b" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "stock_alerts_product_idx" ON "stock_alerts"  ("product_id", "opened_at") `);
    await q.query(`CREATE INDEX "stock_alerts_status_idx" ON "stock_alerts"  ("status", "opened_at") `);
    await q.query(
      `CREATE TABLE "stock_balances" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "product_id" uuid NOT NULL, "location_id" uuid NOT NULL, "lot_id" uuid, "on_hand" numeric(18,4) NOT NULL DEFAULT '0', "reserved" numeric(18,4) NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "stock_balances_reserved_within_on_hand" CHECK (reserved >= 0 AND reserved <= on_hand), CONSTRAINT "stock_balances_on_hand_non_negative" CHECK (on_hand >= 0), CONSTRAINT "PK_4c0d249ce58f9a559eb7df31b23" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "stock_balances_location_idx" ON "stock_balances"  ("location_id") `);
    await q.query(
      `CREATE TYPE "public"."move_type" AS ENUM('RECEIPT', 'ISSUE', 'TRANSFER', 'ADJUSTMENT', 'PRODUCTION_CONSUME', 'PRODUCTION_OUTPUT', 'SCRAP')`,
    );
    await q.query(
      `CREATE TABLE "stock_moves" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "product_id" uuid NOT NULL, "quantity" numeric(18,4) NOT NULL, "from_location_id" uuid NOT NULL, "to_location_id" uuid NOT NULL, "lot_id" uuid, "type" "public"."move_type" NOT NULL, "reference" character varying(120), "document_type" character varying(40), "document_id" uuid, "entered_quantity" numeric(18,4), "entered_uom" "public"."unit", "note" character varying(300), "actor_id" uuid, "actor_username" character varying(50), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "stock_moves_distinct_locations" CHECK (from_location_id <> to_location_id), CONSTRAINT "stock_moves_quantity_positive" CHECK (quantity > 0), CONSTRAINT "PK_27d4cab9a9996a1805d132497b7" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "stock_moves_document_idx" ON "stock_moves"  ("document_id") `);
    await q.query(`CREATE INDEX "stock_moves_reference_idx" ON "stock_moves"  ("reference") `);
    await q.query(`CREATE INDEX "stock_moves_to_idx" ON "stock_moves"  ("to_location_id", "created_at") `);
    await q.query(
      `CREATE INDEX "stock_moves_from_idx" ON "stock_moves"  ("from_location_id", "created_at") `,
    );
    await q.query(`CREATE INDEX "stock_moves_product_idx" ON "stock_moves"  ("product_id", "created_at") `);
    await q.query(`CREATE TYPE "public"."reservation_status" AS ENUM('OPEN', 'CLOSED')`);
    await q.query(
      `CREATE TABLE "stock_reservations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "product_id" uuid NOT NULL, "location_id" uuid NOT NULL, "lot_id" uuid, "document_type" character varying(40) NOT NULL, "document_id" uuid NOT NULL, "quantity" numeric(18,4) NOT NULL, "open_quantity" numeric(18,4) NOT NULL, "status" "public"."reservation_status" NOT NULL DEFAULT 'OPEN', CONSTRAINT "stock_reservations_quantities" CHECK (open_quantity >= 0 AND open_quantity <= quantity AND quantity > 0), CONSTRAINT "PK_46ec0f5605d70f64654ad4e7bd9" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "stock_reservations_open_key_idx" ON "stock_reservations"  ("product_id", "location_id", "lot_id") WHERE status = 'OPEN'`,
    );
    await q.query(
      `CREATE INDEX "stock_reservations_document_idx" ON "stock_reservations"  ("document_type", "document_id") `,
    );
    await q.query(
      `CREATE TABLE "stock_thresholds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "product_id" uuid NOT NULL, "location_id" uuid, "min_qty" numeric(18,4) NOT NULL, "critical_qty" numeric(18,4) NOT NULL, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "stock_thresholds_quantities" CHECK (min_qty > 0 AND critical_qty >= 0 AND critical_qty <= min_qty), CONSTRAINT "PK_6577ddb30d6e5e91bdf374f0714" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `ALTER TABLE "lots" ADD CONSTRAINT "FK_612547dfb7be1485b6a7423da2a" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "stock_balances" ADD CONSTRAINT "FK_b940a160f793ee34c4a057b7c9e" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "stock_balances" ADD CONSTRAINT "FK_9fd22f1abbab021769c0f77ebec" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "stock_balances" ADD CONSTRAINT "FK_8acb8944dc2aaf71747b0a31ece" FOREIGN KEY ("lot_id") REFERENCES "lots"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "stock_moves" ADD CONSTRAINT "FK_ef4391fe1dcca6f9ee95b3b2f15" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "stock_moves" ADD CONSTRAINT "FK_5071868b64070e945bb33aa452e" FOREIGN KEY ("from_location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "stock_moves" ADD CONSTRAINT "FK_08c699a706593bcfa5b367edc7e" FOREIGN KEY ("to_location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "stock_moves" ADD CONSTRAINT "FK_5b6725f45cdbd590b9dbf74bc79" FOREIGN KEY ("lot_id") REFERENCES "lots"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Keys with a nullable part (lot, location): NULLS NOT DISTINCT, which TypeORM cannot declare.
    await q.query(
      `CREATE UNIQUE INDEX "stock_balances_key" ON "stock_balances" ("product_id", "location_id", "lot_id") NULLS NOT DISTINCT`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "stock_thresholds_key" ON "stock_thresholds" ("product_id", "location_id") NULLS NOT DISTINCT`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "stock_alerts_one_open_per_key" ON "stock_alerts" ("product_id", "location_id") NULLS NOT DISTINCT WHERE status <> 'RESOLVED'`,
    );
    // The ledger is append-only: a correction is a new move.
    await q.query(`CREATE FUNCTION stock_moves_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'stock_moves is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(
      `CREATE TRIGGER stock_moves_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "stock_moves" FOR EACH STATEMENT EXECUTE FUNCTION stock_moves_append_only()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "stock_moves_append_only" ON "stock_moves"`);
    await q.query(`DROP FUNCTION stock_moves_append_only()`);
    await q.query(`DROP INDEX "stock_alerts_one_open_per_key"`);
    await q.query(`DROP INDEX "stock_thresholds_key"`);
    await q.query(`DROP INDEX "stock_balances_key"`);
    await q.query(`ALTER TABLE "stock_moves" DROP CONSTRAINT "FK_5b6725f45cdbd590b9dbf74bc79"`);
    await q.query(`ALTER TABLE "stock_moves" DROP CONSTRAINT "FK_08c699a706593bcfa5b367edc7e"`);
    await q.query(`ALTER TABLE "stock_moves" DROP CONSTRAINT "FK_5071868b64070e945bb33aa452e"`);
    await q.query(`ALTER TABLE "stock_moves" DROP CONSTRAINT "FK_ef4391fe1dcca6f9ee95b3b2f15"`);
    await q.query(`ALTER TABLE "stock_balances" DROP CONSTRAINT "FK_8acb8944dc2aaf71747b0a31ece"`);
    await q.query(`ALTER TABLE "stock_balances" DROP CONSTRAINT "FK_9fd22f1abbab021769c0f77ebec"`);
    await q.query(`ALTER TABLE "stock_balances" DROP CONSTRAINT "FK_b940a160f793ee34c4a057b7c9e"`);
    await q.query(`ALTER TABLE "lots" DROP CONSTRAINT "FK_612547dfb7be1485b6a7423da2a"`);
    await q.query(`DROP TABLE "stock_thresholds"`);
    await q.query(`DROP INDEX "public"."stock_reservations_document_idx"`);
    await q.query(`DROP INDEX "public"."stock_reservations_open_key_idx"`);
    await q.query(`DROP TABLE "stock_reservations"`);
    await q.query(`DROP TYPE "public"."reservation_status"`);
    await q.query(`DROP INDEX "public"."stock_moves_product_idx"`);
    await q.query(`DROP INDEX "public"."stock_moves_from_idx"`);
    await q.query(`DROP INDEX "public"."stock_moves_to_idx"`);
    await q.query(`DROP INDEX "public"."stock_moves_reference_idx"`);
    await q.query(`DROP INDEX "public"."stock_moves_document_idx"`);
    await q.query(`DROP TABLE "stock_moves"`);
    await q.query(`DROP TYPE "public"."move_type"`);
    await q.query(`DROP INDEX "public"."stock_balances_location_idx"`);
    await q.query(`DROP TABLE "stock_balances"`);
    await q.query(`DROP INDEX "public"."stock_alerts_status_idx"`);
    await q.query(`DROP INDEX "public"."stock_alerts_product_idx"`);
    await q.query(`DROP TABLE "stock_alerts"`);
    await q.query(`DROP TYPE "public"."alert_status"`);
    await q.query(`DROP TYPE "public"."alert_level"`);
    await q.query(`DROP INDEX "public"."lots_product_number_key"`);
    await q.query(`DROP INDEX "public"."lots_fifo_idx"`);
    await q.query(`DROP TABLE "lots"`);
    await q.query(`DROP INDEX "public"."products_type_idx"`);
    await q.query(`DROP INDEX "public"."products_code_key"`);
    await q.query(`DROP TABLE "products"`);
    await q.query(`DROP TYPE "public"."unit"`);
    await q.query(`DROP TYPE "public"."product_type"`);
    await q.query(`DROP INDEX "public"."locations_line_per_department"`);
    await q.query(`DROP INDEX "public"."locations_one_finished_goods"`);
    await q.query(`DROP INDEX "public"."locations_one_virtual_per_type"`);
    await q.query(`DROP INDEX "public"."locations_code_key"`);
    await q.query(`DROP TABLE "locations"`);
    await q.query(`DROP TYPE "public"."location_type"`);
  }
}
