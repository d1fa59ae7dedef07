import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shipments, their lines, picks, cartons and pallets; products' cartons per pallet. Roles already in a
 * database keep an admin's edits, so the shipping permissions are granted here once (a fresh database
 * seeds every role, fg_admin too, from the catalogue).
 */
export class Shipping1796431074638 implements MigrationInterface {
  name = 'Shipping1796431074638';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."shipment_state" AS ENUM('DRAFT', 'PICKED', 'SHIPPED', 'CANCELLED')`);
    await q.query(
      `CREATE TABLE "shipments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "number" character varying(20) NOT NULL, "customer_id" uuid NOT NULL, "state" "public"."shipment_state" NOT NULL DEFAULT 'DRAFT', "notes" character varying(1000), "created_by_id" uuid, "picked_by_id" uuid, "picked_at" TIMESTAMP WITH TIME ZONE, "shipped_by_id" uuid, "shipped_at" TIMESTAMP WITH TIME ZONE, "cancelled_by_id" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_6deda4532ac542a93eab214b564" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "shipments_number_key" ON "shipments"  ("number") `);
    await q.query(`CREATE INDEX "shipments_customer_idx" ON "shipments"  ("customer_id", "created_at") `);
    await q.query(`CREATE INDEX "shipments_state_idx" ON "shipments"  ("state") `);
    await q.query(
      `CREATE TABLE "shipment_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "shipment_id" uuid NOT NULL, "line_no" integer NOT NULL, "sales_order_line_id" uuid NOT NULL, "sales_order_id" uuid NOT NULL, "product_id" uuid NOT NULL, "quantity" integer NOT NULL, "destination" "public"."destination" NOT NULL, "delivery_week" character varying(8) NOT NULL, CONSTRAINT "shipment_lines_quantity_positive" CHECK (quantity > 0), CONSTRAINT "PK_5199504c6b5cdbd91701af3609b" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "shipment_lines_sales_order_line_idx" ON "shipment_lines"  ("sales_order_line_id") `,
    );
    await q.query(`CREATE INDEX "shipment_lines_sales_order_idx" ON "shipment_lines"  ("sales_order_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "shipment_lines_shipment_line_key" ON "shipment_lines"  ("shipment_id", "line_no") `,
    );
    await q.query(
      `CREATE TABLE "shipment_cartons" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "shipment_id" uuid NOT NULL, "no" integer NOT NULL, "shipment_line_id" uuid NOT NULL, "product_id" uuid NOT NULL, "lot_id" uuid, "destination" "public"."destination" NOT NULL, "week" character varying(8) NOT NULL, "quantity" integer NOT NULL, "partial" boolean NOT NULL DEFAULT false, "pallet_no" integer NOT NULL, "barcode" character varying(80) NOT NULL, CONSTRAINT "shipment_cartons_quantity_positive" CHECK (quantity > 0), CONSTRAINT "PK_cdaa8ff71303a5a0897f7cc6ab8" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "shipment_cartons_no_key" ON "shipment_cartons"  ("shipment_id", "no") `,
    );
    await q.query(
      `CREATE TABLE "shipment_pallets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "shipment_id" uuid NOT NULL, "no" integer NOT NULL, "product_id" uuid NOT NULL, "destination" "public"."destination" NOT NULL, "week" character varying(8) NOT NULL, "cartons" integer NOT NULL, "quantity" integer NOT NULL, CONSTRAINT "PK_44024e50fcd88f29a1fa5c12ae4" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "shipment_pallets_no_key" ON "shipment_pallets"  ("shipment_id", "no") `,
    );
    await q.query(
      `CREATE TABLE "shipment_picks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "shipment_id" uuid NOT NULL, "shipment_line_id" uuid NOT NULL, "lot_id" uuid, "location_id" uuid NOT NULL, "quantity" integer NOT NULL, "production_week" character varying(8) NOT NULL, CONSTRAINT "shipment_picks_quantity_positive" CHECK (quantity > 0), CONSTRAINT "PK_f9f2d76678d3a4906877d8b7f50" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "shipment_picks_shipment_idx" ON "shipment_picks"  ("shipment_id") `);
    await q.query(`ALTER TABLE "products" ADD "cartons_per_pallet" integer`);
    await q.query(
      `ALTER TABLE "products" ADD CONSTRAINT "products_cartons_per_pallet_positive" CHECK (cartons_per_pallet > 0)`,
    );
    await q.query(
      `ALTER TABLE "shipments" ADD CONSTRAINT "FK_d09eda9ca8d6e35396911f698c3" FOREIGN KEY ("customer_id") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "shipment_lines" ADD CONSTRAINT "FK_9c49c2d267d8baf4caa802826b8" FOREIGN KEY ("shipment_id") REFERENCES "shipments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "shipment_lines" ADD CONSTRAINT "FK_48ad40e76697a3b897259ed8e6a" FOREIGN KEY ("sales_order_line_id") REFERENCES "sales_order_lines"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "shipment_lines" ADD CONSTRAINT "FK_85e4be05b48c769fef888c04cc4" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "shipment_cartons" ADD CONSTRAINT "FK_2cfac2e43868385275d17be0b9f" FOREIGN KEY ("shipment_id") REFERENCES "shipments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "shipment_cartons" ADD CONSTRAINT "FK_c44c8980f3aa201d1173cfb5a99" FOREIGN KEY ("shipment_line_id") REFERENCES "shipment_lines"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "shipment_pallets" ADD CONSTRAINT "FK_89f5615866f1738b326cb4544f4" FOREIGN KEY ("shipment_id") REFERENCES "shipments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "shipment_picks" ADD CONSTRAINT "FK_7911cdaf3eb72d58e3d02238dea" FOREIGN KEY ("shipment_id") REFERENCES "shipments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "shipment_picks" ADD CONSTRAINT "FK_640dbd1df7b85c3e315c753489d" FOREIGN KEY ("shipment_line_id") REFERENCES "shipment_lines"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "shipment_picks" ADD CONSTRAINT "FK_4277722b4f0f109eec4d119704b" FOREIGN KEY ("lot_id") REFERENCES "lots"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    const grant = (codes: string[], permissions: string[]) =>
      q.query(
        `update roles set permissions = array(select distinct unnest(permissions || $2::text[]) order by 1)
          where code = any($1::text[])`,
        [codes, permissions],
      );
    await grant(
      ['superadmin'],
      ['view', 'create', 'update', 'delete', 'approve'].map((a) => `shipping.${a}`),
    );
    await grant(['manager', 'viewer', 'merchandiser'], ['shipping.view']);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `update roles set permissions = array(select p from unnest(permissions) p where p not like 'shipping.%' order by 1)`,
    );
    await q.query(`ALTER TABLE "shipment_picks" DROP CONSTRAINT "FK_4277722b4f0f109eec4d119704b"`);
    await q.query(`ALTER TABLE "shipment_picks" DROP CONSTRAINT "FK_640dbd1df7b85c3e315c753489d"`);
    await q.query(`ALTER TABLE "shipment_picks" DROP CONSTRAINT "FK_7911cdaf3eb72d58e3d02238dea"`);
    await q.query(`ALTER TABLE "shipment_pallets" DROP CONSTRAINT "FK_89f5615866f1738b326cb4544f4"`);
    await q.query(`ALTER TABLE "shipment_cartons" DROP CONSTRAINT "FK_c44c8980f3aa201d1173cfb5a99"`);
    await q.query(`ALTER TABLE "shipment_cartons" DROP CONSTRAINT "FK_2cfac2e43868385275d17be0b9f"`);
    await q.query(`ALTER TABLE "shipment_lines" DROP CONSTRAINT "FK_85e4be05b48c769fef888c04cc4"`);
    await q.query(`ALTER TABLE "shipment_lines" DROP CONSTRAINT "FK_48ad40e76697a3b897259ed8e6a"`);
    await q.query(`ALTER TABLE "shipment_lines" DROP CONSTRAINT "FK_9c49c2d267d8baf4caa802826b8"`);
    await q.query(`ALTER TABLE "shipments" DROP CONSTRAINT "FK_d09eda9ca8d6e35396911f698c3"`);
    await q.query(`ALTER TABLE "products" DROP CONSTRAINT "products_cartons_per_pallet_positive"`);
    await q.query(`ALTER TABLE "products" DROP COLUMN "cartons_per_pallet"`);
    await q.query(`DROP INDEX "public"."shipment_picks_shipment_idx"`);
    await q.query(`DROP TABLE "shipment_picks"`);
    await q.query(`DROP INDEX "public"."shipment_pallets_no_key"`);
    await q.query(`DROP TABLE "shipment_pallets"`);
    await q.query(`DROP INDEX "public"."shipment_cartons_no_key"`);
    await q.query(`DROP TABLE "shipment_cartons"`);
    await q.query(`DROP INDEX "public"."shipment_lines_shipment_line_key"`);
    await q.query(`DROP INDEX "public"."shipment_lines_sales_order_idx"`);
    await q.query(`DROP INDEX "public"."shipment_lines_sales_order_line_idx"`);
    await q.query(`DROP TABLE "shipment_lines"`);
    await q.query(`DROP INDEX "public"."shipments_state_idx"`);
    await q.query(`DROP INDEX "public"."shipments_customer_idx"`);
    await q.query(`DROP INDEX "public"."shipments_number_key"`);
    await q.query(`DROP TABLE "shipments"`);
    await q.query(`DROP TYPE "public"."shipment_state"`);
  }
}
