import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LineControl1796436000000 implements MigrationInterface {
  name = 'LineControl1796436000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."line_block_state" AS ENUM('OPEN', 'CLEARED', 'OVERRIDDEN')`);
    await q.query(
      `CREATE TABLE "line_blocks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "department" "public"."department" NOT NULL, "from_department" "public"."department" NOT NULL, "from_work_order_id" uuid NOT NULL, "mo_id" uuid NOT NULL, "batch_number" character varying(40) NOT NULL, "quantity" numeric(18,4) NOT NULL, "blocking_mo_ids" uuid array NOT NULL, "on_line" jsonb NOT NULL, "state" "public"."line_block_state" NOT NULL DEFAULT 'OPEN', "attempts" integer NOT NULL DEFAULT '1', "sent_by_id" uuid, "last_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_by_id" uuid, "override_reason" character varying(500), "handover_id" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_cec80f18f5929b019539e2ab6a2" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "line_blocks_mo_idx" ON "line_blocks"  ("mo_id") `);
    await q.query(`CREATE INDEX "line_blocks_department_idx" ON "line_blocks"  ("department", "state") `);
    await q.query(
      `CREATE UNIQUE INDEX "line_blocks_one_open" ON "line_blocks"  ("from_work_order_id") WHERE state = 'OPEN'`,
    );
    await q.query(
      `CREATE TABLE "line_escalations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject_type" character varying(30) NOT NULL, "subject_id" uuid NOT NULL, "step" integer NOT NULL, "recipient" character varying(30) NOT NULL, "department" "public"."department" NOT NULL, "batch_number" character varying(40) NOT NULL, "fired_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a7ac4f9dedc81c4a48e4148959a" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "line_escalations_fired_idx" ON "line_escalations"  ("fired_at") `);
    await q.query(
      `CREATE UNIQUE INDEX "line_escalations_step_key" ON "line_escalations"  ("subject_type", "subject_id", "step") `,
    );
    await q.query(`CREATE TYPE "public"."segregation_alarm_state" AS ENUM('OPEN', 'ACKNOWLEDGED')`);
    await q.query(
      `CREATE TYPE "public"."clearance_method" AS ENUM('PHYSICAL_GAP', 'LINE_STOP', 'MANUAL_INSPECTION')`,
    );
    await q.query(
      `CREATE TABLE "segregation_alarms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "handover_id" uuid NOT NULL, "handover_number" character varying(20) NOT NULL, "department" "public"."department" NOT NULL, "from_department" "public"."department" NOT NULL, "mo_id" uuid NOT NULL, "batch_number" character varying(40) NOT NULL, "destination" character varying(60), "week" character varying(20), "reasons" character varying(20) array NOT NULL, "on_line" jsonb NOT NULL, "state" "public"."segregation_alarm_state" NOT NULL DEFAULT 'OPEN', "method" "public"."clearance_method", "notes" character varying(500), "raised_by_id" uuid, "acknowledged_by_id" uuid, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_bbde95974489778a8b112c383d7" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "segregation_alarms_mo_idx" ON "segregation_alarms"  ("mo_id") `);
    await q.query(
      `CREATE INDEX "segregation_alarms_department_idx" ON "segregation_alarms"  ("department", "state") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "segregation_alarms_handover_key" ON "segregation_alarms"  ("handover_id") `,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."segregation_alarms_handover_key"`);
    await q.query(`DROP INDEX "public"."segregation_alarms_department_idx"`);
    await q.query(`DROP INDEX "public"."segregation_alarms_mo_idx"`);
    await q.query(`DROP TABLE "segregation_alarms"`);
    await q.query(`DROP TYPE "public"."clearance_method"`);
    await q.query(`DROP TYPE "public"."segregation_alarm_state"`);
    await q.query(`DROP INDEX "public"."line_escalations_step_key"`);
    await q.query(`DROP INDEX "public"."line_escalations_fired_idx"`);
    await q.query(`DROP TABLE "line_escalations"`);
    await q.query(`DROP INDEX "public"."line_blocks_one_open"`);
    await q.query(`DROP INDEX "public"."line_blocks_department_idx"`);
    await q.query(`DROP INDEX "public"."line_blocks_mo_idx"`);
    await q.query(`DROP TABLE "line_blocks"`);
    await q.query(`DROP TYPE "public"."line_block_state"`);
  }
}
