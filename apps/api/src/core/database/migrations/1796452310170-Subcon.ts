import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Subcon1796452310170 implements MigrationInterface {
  name = 'Subcon1796452310170';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."gate_pass_direction" AS ENUM('OUT', 'IN')`);
    await q.query(`CREATE TYPE "public"."gate_pass_state" AS ENUM('DRAFT', 'HOLD', 'RELEASED', 'CANCELLED')`);
    await q.query(
      `CREATE TABLE "gate_passes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "number" character varying(30) NOT NULL, "direction" "public"."gate_pass_direction" NOT NULL, "state" "public"."gate_pass_state" NOT NULL DEFAULT 'DRAFT', "partner_id" uuid NOT NULL, "work_order_id" uuid NOT NULL, "mo_id" uuid NOT NULL, "batch_number" character varying(40) NOT NULL, "vehicle_number" character varying(20) NOT NULL, "driver_name" character varying(120) NOT NULL, "customs_document" character varying(12) NOT NULL, "customs_reference" character varying(60), "delivery_note" character varying(60), "notes" character varying(1000), "receiving_location_id" uuid, "on_line_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "counted_by_id" uuid, "counted_at" TIMESTAMP WITH TIME ZONE, "counts" integer NOT NULL DEFAULT '0', "released_at" TIMESTAMP WITH TIME ZONE, "due_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" character varying(500), "cancelled_by_id" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "gate_passes_released_rule" CHECK ((state = 'RELEASED') = (released_at IS NOT NULL)), CONSTRAINT "gate_passes_cancel_reason_rule" CHECK ((state = 'CANCELLED') = (cancel_reason IS NOT NULL)), CONSTRAINT "gate_passes_delivery_note_rule" CHECK ((direction = 'IN') = (delivery_note IS NOT NULL)), CONSTRAINT "PK_79b23816ff12bcbf579124b45ca" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "gate_passes_partner_idx" ON "gate_passes"  ("partner_id") `);
    await q.query(`CREATE INDEX "gate_passes_state_idx" ON "gate_passes"  ("state", "direction") `);
    await q.query(
      `CREATE INDEX "gate_passes_work_order_idx" ON "gate_passes"  ("work_order_id", "direction", "state") `,
    );
    await q.query(`CREATE UNIQUE INDEX "gate_passes_number_key" ON "gate_passes"  ("number") `);
    await q.query(
      `CREATE TABLE "gate_pass_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "gate_pass_id" uuid NOT NULL, "line_no" integer NOT NULL, "product_id" uuid NOT NULL, "kind" character varying(12) NOT NULL, "quantity" numeric(18,4) NOT NULL, "counted_quantity" numeric(18,4), "lot_id" uuid, CONSTRAINT "gate_pass_lines_counted_non_negative" CHECK (counted_quantity IS NULL OR counted_quantity >= 0), CONSTRAINT "gate_pass_lines_quantity_positive" CHECK (quantity > 0), CONSTRAINT "PK_5599eafccd9c9281a0892b104b1" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "gate_pass_lines_product_key" ON "gate_pass_lines"  ("gate_pass_id", "product_id") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "gate_pass_lines_line_key" ON "gate_pass_lines"  ("gate_pass_id", "line_no") `,
    );
    await q.query(
      `CREATE TABLE "subcon_alerts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "gate_pass_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "number" character varying(30) NOT NULL, "batch_number" character varying(40) NOT NULL, "outstanding_quantity" numeric(18,4) NOT NULL, "agreed_days" integer NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'OPEN', "resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0fcd3fb67331a20447eb50eb17e" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "subcon_alerts_status_idx" ON "subcon_alerts"  ("status") `);
    await q.query(`CREATE UNIQUE INDEX "subcon_alerts_pass_key" ON "subcon_alerts"  ("gate_pass_id") `);
    await q.query(`ALTER TABLE "locations" ADD "partner_id" uuid`);
    await q.query(`ALTER TABLE "partners" ADD "subcontract_agreed_days" integer NOT NULL DEFAULT '14'`);
    await q.query(`DROP INDEX "public"."locations_line_per_department"`);
    await q.query(`ALTER TYPE "public"."location_type" ADD VALUE 'SUBCONTRACTOR'`);
    await q.query(
      `CREATE UNIQUE INDEX "locations_line_per_department" ON "locations"  ("type", "department") WHERE type IN ('LINE', 'TRANSIT')`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "locations_partner_key" ON "locations"  ("partner_id") WHERE partner_id IS NOT NULL`,
    );
    await q.query(
      `ALTER TABLE "locations" ADD CONSTRAINT "locations_partner_rule" CHECK ((type::text = 'SUBCONTRACTOR') = (partner_id IS NOT NULL))`,
    );
    await q.query(
      `ALTER TABLE "gate_pass_lines" ADD CONSTRAINT "FK_1fb5f1f0021ede3f1af3da72bfe" FOREIGN KEY ("gate_pass_id") REFERENCES "gate_passes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "gate_pass_lines" ADD CONSTRAINT "FK_90e7968bd9fe5bd2d42a7a023bd" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gate_pass_lines" DROP CONSTRAINT "FK_90e7968bd9fe5bd2d42a7a023bd"`);
    await q.query(`ALTER TABLE "gate_pass_lines" DROP CONSTRAINT "FK_1fb5f1f0021ede3f1af3da72bfe"`);
    await q.query(`ALTER TABLE "locations" DROP CONSTRAINT "locations_partner_rule"`);
    await q.query(`DROP INDEX "public"."locations_partner_key"`);
    await q.query(`DROP INDEX "public"."locations_line_per_department"`);
    await q.query(
      `CREATE TYPE "public"."location_type_old" AS ENUM('WAREHOUSE', 'LINE', 'TRANSIT', 'SUPPLIER', 'CUSTOMER', 'PRODUCTION', 'LOSS')`,
    );
    await q.query(
      `ALTER TABLE "locations" ALTER COLUMN "type" TYPE "public"."location_type_old" USING "type"::"text"::"public"."location_type_old"`,
    );
    await q.query(`DROP TYPE "public"."location_type"`);
    await q.query(`ALTER TYPE "public"."location_type_old" RENAME TO "location_type"`);
    await q.query(
      `CREATE UNIQUE INDEX "locations_line_per_department" ON "locations" USING btree ("department", "type") WHERE (type = ANY (ARRAY['LINE'::location_type, 'TRANSIT'::location_type]))`,
    );
    await q.query(`ALTER TABLE "partners" DROP COLUMN "subcontract_agreed_days"`);
    await q.query(`ALTER TABLE "locations" DROP COLUMN "partner_id"`);
    await q.query(`DROP INDEX "public"."subcon_alerts_pass_key"`);
    await q.query(`DROP INDEX "public"."subcon_alerts_status_idx"`);
    await q.query(`DROP TABLE "subcon_alerts"`);
    await q.query(`DROP INDEX "public"."gate_pass_lines_line_key"`);
    await q.query(`DROP INDEX "public"."gate_pass_lines_product_key"`);
    await q.query(`DROP TABLE "gate_pass_lines"`);
    await q.query(`DROP INDEX "public"."gate_passes_number_key"`);
    await q.query(`DROP INDEX "public"."gate_passes_work_order_idx"`);
    await q.query(`DROP INDEX "public"."gate_passes_state_idx"`);
    await q.query(`DROP INDEX "public"."gate_passes_partner_idx"`);
    await q.query(`DROP TABLE "gate_passes"`);
    await q.query(`DROP TYPE "public"."gate_pass_state"`);
    await q.query(`DROP TYPE "public"."gate_pass_direction"`);
  }
}
