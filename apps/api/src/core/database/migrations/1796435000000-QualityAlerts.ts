import type { MigrationInterface, QueryRunner } from 'typeorm';

export class QualityAlerts1796435000000 implements MigrationInterface {
  name = 'QualityAlerts1796435000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."quality_alert_reason" AS ENUM('METAL_DETECTED')`);
    await q.query(`CREATE TYPE "public"."quality_alert_status" AS ENUM('OPEN', 'ACKNOWLEDGED')`);
    await q.query(
      `CREATE TABLE "quality_alerts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reason" "public"."quality_alert_reason" NOT NULL, "status" "public"."quality_alert_status" NOT NULL DEFAULT 'OPEN', "inspection_id" uuid NOT NULL, "work_order_id" uuid, "product_id" uuid NOT NULL, "reference" character varying(40) NOT NULL, "pieces" integer NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledged_by_id" uuid, "acknowledge_note" character varying(300), CONSTRAINT "PK_897aa9ae64eb39eaab9ba251541" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "quality_alerts_status_idx" ON "quality_alerts"  ("status", "opened_at") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."quality_alerts_status_idx"`);
    await q.query(`DROP TABLE "quality_alerts"`);
    await q.query(`DROP TYPE "public"."quality_alert_status"`);
    await q.query(`DROP TYPE "public"."quality_alert_reason"`);
  }
}
