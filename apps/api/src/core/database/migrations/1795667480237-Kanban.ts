import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Kanban1795667480237 implements MigrationInterface {
  name = 'Kanban1795667480237';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "document_counters" ("scope" character varying(10) NOT NULL, "day" date NOT NULL, "value" integer NOT NULL, CONSTRAINT "PK_203e3f0b6becad640fe26018e4f" PRIMARY KEY ("scope", "day"))`,
    );
    await q.query(`CREATE TYPE "public"."priority" AS ENUM('LOW', 'NORMAL', 'HIGH', 'URGENT')`);
    await q.query(
      `CREATE TYPE "public"."kanban_status" AS ENUM('REQUESTED', 'APPROVED', 'IN_TRANSIT', 'RECEIVED', 'REJECTED', 'CANCELLED')`,
    );
    await q.query(
      `CREATE TABLE "kanban_cards" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "number" character varying(20) NOT NULL, "department" "public"."department" NOT NULL, "requested_by_id" uuid, "product_id" uuid NOT NULL, "quantity" numeric(18,4) NOT NULL, "priority" "public"."priority" NOT NULL DEFAULT 'NORMAL', "needed_by" TIMESTAMP WITH TIME ZONE, "reason" character varying(300), "work_order_id" uuid, "source_location_id" uuid, "status" "public"."kanban_status" NOT NULL DEFAULT 'REQUESTED', "position" double precision NOT NULL, "automatic" boolean NOT NULL DEFAULT false, "rule_id" uuid, "approved_by_id" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "approve_notes" character varying(300), "rejected_by_id" uuid, "rejected_at" TIMESTAMP WITH TIME ZONE, "reject_reason" character varying(300), "shipped_by_id" uuid, "shipped_at" TIMESTAMP WITH TIME ZONE, "shipped_quantity" numeric(18,4), "received_by_id" uuid, "received_at" TIMESTAMP WITH TIME ZONE, "received_quantity" numeric(18,4), "cancelled_by_id" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "kanban_cards_received_within_shipped" CHECK (received_quantity IS NULL OR (received_quantity >= 0 AND received_quantity <= shipped_quantity)), CONSTRAINT "kanban_cards_quantity_positive" CHECK (quantity > 0), CONSTRAINT "PK_06b994c79a20b9e7d5203dce4b7" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "kanban_cards_number_key" ON "kanban_cards"  ("number") `);
    await q.query(
      `CREATE INDEX "kanban_cards_closed_idx" ON "kanban_cards"  ("updated_at") WHERE status IN ('RECEIVED', 'REJECTED', 'CANCELLED')`,
    );
    await q.query(
      `CREATE INDEX "kanban_cards_open_product_idx" ON "kanban_cards"  ("department", "product_id") WHERE status IN ('REQUESTED', 'APPROVED', 'IN_TRANSIT')`,
    );
    await q.query(`CREATE INDEX "kanban_cards_board_idx" ON "kanban_cards"  ("status", "department") `);
    await q.query(
      `CREATE TABLE "kanban_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "department" "public"."department" NOT NULL, "product_id" uuid NOT NULL, "reorder_point" numeric(18,4) NOT NULL, "order_quantity" numeric(18,4) NOT NULL, "priority" "public"."priority" NOT NULL DEFAULT 'NORMAL', "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "kanban_rules_quantities" CHECK (reorder_point >= 0 AND order_quantity > 0), CONSTRAINT "PK_45f5e5374b425c63cc17828e327" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "kanban_rules_key" ON "kanban_rules"  ("department", "product_id") `);
    await q.query(
      `ALTER TABLE "kanban_cards" ADD CONSTRAINT "FK_b977cca2f7ea08f90639cd84ac8" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "kanban_cards" ADD CONSTRAINT "FK_89ba694349085f4c095b52dabba" FOREIGN KEY ("source_location_id") REFERENCES "locations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "kanban_rules" ADD CONSTRAINT "FK_b713fb047de88769303b13e7d9c" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "kanban_rules" DROP CONSTRAINT "FK_b713fb047de88769303b13e7d9c"`);
    await q.query(`ALTER TABLE "kanban_cards" DROP CONSTRAINT "FK_89ba694349085f4c095b52dabba"`);
    await q.query(`ALTER TABLE "kanban_cards" DROP CONSTRAINT "FK_b977cca2f7ea08f90639cd84ac8"`);
    await q.query(`DROP INDEX "public"."kanban_rules_key"`);
    await q.query(`DROP TABLE "kanban_rules"`);
    await q.query(`DROP INDEX "public"."kanban_cards_board_idx"`);
    await q.query(`DROP INDEX "public"."kanban_cards_open_product_idx"`);
    await q.query(`DROP INDEX "public"."kanban_cards_closed_idx"`);
    await q.query(`DROP INDEX "public"."kanban_cards_number_key"`);
    await q.query(`DROP TABLE "kanban_cards"`);
    await q.query(`DROP TYPE "public"."kanban_status"`);
    await q.query(`DROP TYPE "public"."priority"`);
    await q.query(`DROP TABLE "document_counters"`);
  }
}
