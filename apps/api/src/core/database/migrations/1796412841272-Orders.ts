import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Orders1796412841272 implements MigrationInterface {
  name = 'Orders1796412841272';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."partner_type" AS ENUM('CUSTOMER', 'SUPPLIER', 'SUBCONTRACTOR')`);
    await q.query(
      `CREATE TABLE "partners" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "code" character varying(30) NOT NULL, "name" character varying(200) NOT NULL, "type" "public"."partner_type" NOT NULL, "address" character varying(500), "contact" character varying(120), "email" character varying(200), "phone" character varying(50), "transit_days" integer NOT NULL DEFAULT '0', "lead_time_days" integer NOT NULL DEFAULT '14', "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "partners_lead_time_days_non_negative" CHECK (lead_time_days >= 0), CONSTRAINT "partners_transit_days_non_negative" CHECK (transit_days >= 0), CONSTRAINT "PK_998645b20820e4ab99aeae03b41" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "partners_code_key" ON "partners"  ("code") `);
    await q.query(`CREATE INDEX "partners_type_idx" ON "partners"  ("type", "active") `);
    await q.query(
      `CREATE TABLE "supplier_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "supplier_id" uuid NOT NULL, "product_id" uuid NOT NULL, "supplier_code" character varying(60), "uom" "public"."unit" NOT NULL, "pack_size" numeric(18,4), "minimum_quantity" numeric(18,4), "lead_time_days" integer, "preferred" boolean NOT NULL DEFAULT false, "unit_price" numeric(18,2), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "supplier_items_lead_time_non_negative" CHECK (lead_time_days IS NULL OR lead_time_days >= 0), CONSTRAINT "supplier_items_minimum_positive" CHECK (minimum_quantity IS NULL OR minimum_quantity > 0), CONSTRAINT "supplier_items_pack_size_positive" CHECK (pack_size IS NULL OR pack_size > 0), CONSTRAINT "PK_51fb0c4e261e02fdb54bf6184a3" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "supplier_items_product_idx" ON "supplier_items"  ("product_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "supplier_items_preferred_key" ON "supplier_items"  ("product_id") WHERE preferred`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "supplier_items_supplier_product_key" ON "supplier_items"  ("supplier_id", "product_id") `,
    );
    await q.query(
      `CREATE TYPE "public"."purchase_order_state" AS ENUM('DRAFT', 'APPROVED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CLOSED', 'CANCELLED')`,
    );
    await q.query(
      `CREATE TABLE "purchase_orders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "number" character varying(20) NOT NULL, "supplier_id" uuid NOT NULL, "order_date" date NOT NULL, "notes" character varying(1000), "state" "public"."purchase_order_state" NOT NULL DEFAULT 'DRAFT', "created_by_id" uuid, "approved_by_id" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "cancelled_by_id" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, "closed_by_id" uuid, "closed_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "purchase_orders_self_approval" CHECK (approved_by_id IS NULL OR approved_by_id IS DISTINCT FROM created_by_id), CONSTRAINT "PK_05148947415204a897e8beb2553" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "purchase_orders_number_key" ON "purchase_orders"  ("number") `);
    await q.query(`CREATE INDEX "purchase_orders_supplier_idx" ON "purchase_orders"  ("supplier_id") `);
    await q.query(`CREATE INDEX "purchase_orders_state_idx" ON "purchase_orders"  ("state") `);
    await q.query(
      `CREATE TABLE "goods_receipts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "number" character varying(20) NOT NULL, "purchase_order_id" uuid NOT NULL, "received_by_id" uuid, "notes" character varying(500), CONSTRAINT "PK_f8cac411be0211f923e1be8534f" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "goods_receipts_number_key" ON "goods_receipts"  ("number") `);
    await q.query(`CREATE INDEX "goods_receipts_order_idx" ON "goods_receipts"  ("purchase_order_id") `);
    await q.query(
      `CREATE TABLE "purchase_order_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "purchase_order_id" uuid NOT NULL, "line_no" integer NOT NULL, "product_id" uuid NOT NULL, "quantity" numeric(18,4) NOT NULL, "uom" "public"."unit" NOT NULL, "unit_price" numeric(18,2), "expected_date" date NOT NULL, "received_quantity" numeric(18,4) NOT NULL DEFAULT '0', CONSTRAINT "purchase_order_lines_price_non_negative" CHECK (unit_price IS NULL OR unit_price >= 0), CONSTRAINT "purchase_order_lines_received_non_negative" CHECK (received_quantity >= 0), CONSTRAINT "purchase_order_lines_quantity_positive" CHECK (quantity > 0), CONSTRAINT "PK_34a2082d2abb10c5d8713bc19b8" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "purchase_order_lines_product_idx" ON "purchase_order_lines"  ("product_id", "expected_date") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "purchase_order_lines_order_line_key" ON "purchase_order_lines"  ("purchase_order_id", "line_no") `,
    );
    await q.query(
      `CREATE TABLE "goods_receipt_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "goods_receipt_id" uuid NOT NULL, "position" integer NOT NULL, "purchase_order_line_id" uuid NOT NULL, "quantity" numeric(18,4) NOT NULL, "uom" "public"."unit" NOT NULL, "line_quantity" numeric(18,4) NOT NULL, "stock_quantity" numeric(18,4) NOT NULL, "lot_id" uuid NOT NULL, "location_id" uuid NOT NULL, "stock_move_id" uuid NOT NULL, CONSTRAINT "goods_receipt_lines_quantity_positive" CHECK (quantity > 0 AND stock_quantity > 0 AND line_quantity > 0), CONSTRAINT "PK_7085a869c816a8e59e460783268" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "goods_receipt_lines_receipt_idx" ON "goods_receipt_lines"  ("goods_receipt_id") `,
    );
    await q.query(
      `CREATE INDEX "goods_receipt_lines_po_line_idx" ON "goods_receipt_lines"  ("purchase_order_line_id") `,
    );
    await q.query(
      `CREATE TYPE "public"."sales_order_state" AS ENUM('DRAFT', 'CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'CLOSED', 'CANCELLED')`,
    );
    await q.query(
      `CREATE TABLE "sales_orders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "number" character varying(20) NOT NULL, "customer_id" uuid NOT NULL, "customer_po" character varying(60) NOT NULL, "order_date" date NOT NULL, "notes" character varying(1000), "state" "public"."sales_order_state" NOT NULL DEFAULT 'DRAFT', "created_by_id" uuid, "confirmed_by_id" uuid, "confirmed_at" TIMESTAMP WITH TIME ZONE, "cancelled_by_id" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, "closed_by_id" uuid, "closed_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_5328297e067ca929fbe7cf989dd" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "sales_orders_number_key" ON "sales_orders"  ("number") `);
    await q.query(`CREATE INDEX "sales_orders_state_idx" ON "sales_orders"  ("state") `);
    await q.query(
      `CREATE UNIQUE INDEX "sales_orders_customer_po_key" ON "sales_orders"  ("customer_id", "customer_po") `,
    );
    await q.query(`CREATE TYPE "public"."destination" AS ENUM('EU', 'AP', 'CA', 'GB', 'ME', 'NA', 'US')`);
    await q.query(
      `CREATE TABLE "sales_order_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sales_order_id" uuid NOT NULL, "line_no" integer NOT NULL, "product_id" uuid NOT NULL, "quantity" integer NOT NULL, "delivery_week" character varying(8) NOT NULL, "destination" "public"."destination" NOT NULL, "ex_factory_date" date NOT NULL, "shipped_quantity" integer NOT NULL DEFAULT '0', CONSTRAINT "sales_order_lines_shipped_within" CHECK (shipped_quantity >= 0 AND shipped_quantity <= quantity), CONSTRAINT "sales_order_lines_quantity_positive" CHECK (quantity > 0), CONSTRAINT "PK_91a9fd0ffdb8572374cf89df4da" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "sales_order_lines_product_idx" ON "sales_order_lines"  ("product_id", "ex_factory_date") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "sales_order_lines_order_line_key" ON "sales_order_lines"  ("sales_order_id", "line_no") `,
    );
    await q.query(`ALTER TABLE "lots" ADD "supplier_id" uuid`);
    await q.query(`ALTER TABLE "lots" ADD "purchase_order_line_id" uuid`);
    await q.query(`CREATE INDEX "lots_purchase_order_line_idx" ON "lots"  ("purchase_order_line_id") `);
    await q.query(
      `ALTER TABLE "supplier_items" ADD CONSTRAINT "FK_375c2a8790b09a481638a33a0f3" FOREIGN KEY ("supplier_id") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "supplier_items" ADD CONSTRAINT "FK_d63fb680a818f037d73ffb3a4a5" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "purchase_orders" ADD CONSTRAINT "FK_d16a885aa88447ccfd010e739b0" FOREIGN KEY ("supplier_id") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "goods_receipts" ADD CONSTRAINT "FK_d3c8a7fa026b8e9e9b1cc98241a" FOREIGN KEY ("purchase_order_id") REFERENCES "purchase_orders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "purchase_order_lines" ADD CONSTRAINT "FK_c70f4952f88b5bd649151f631c8" FOREIGN KEY ("purchase_order_id") REFERENCES "purchase_orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "purchase_order_lines" ADD CONSTRAINT "FK_1b7242d654272b67cfffcd9d6ea" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "goods_receipt_lines" ADD CONSTRAINT "FK_8b410fe84cd9652da8c760ebe83" FOREIGN KEY ("goods_receipt_id") REFERENCES "goods_receipts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "goods_receipt_lines" ADD CONSTRAINT "FK_3fa9bd78e682ef4a65be5c02e93" FOREIGN KEY ("purchase_order_line_id") REFERENCES "purchase_order_lines"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "sales_orders" ADD CONSTRAINT "FK_1fb56bee917dfd98ada56d626de" FOREIGN KEY ("customer_id") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "sales_order_lines" ADD CONSTRAINT "FK_10bb9d379979b7c80578d9b4cda" FOREIGN KEY ("sales_order_id") REFERENCES "sales_orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "sales_order_lines" ADD CONSTRAINT "FK_94351a987335d4452480d5ddf06" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "sales_order_lines" DROP CONSTRAINT "FK_94351a987335d4452480d5ddf06"`);
    await q.query(`ALTER TABLE "sales_order_lines" DROP CONSTRAINT "FK_10bb9d379979b7c80578d9b4cda"`);
    await q.query(`ALTER TABLE "sales_orders" DROP CONSTRAINT "FK_1fb56bee917dfd98ada56d626de"`);
    await q.query(`ALTER TABLE "goods_receipt_lines" DROP CONSTRAINT "FK_3fa9bd78e682ef4a65be5c02e93"`);
    await q.query(`ALTER TABLE "goods_receipt_lines" DROP CONSTRAINT "FK_8b410fe84cd9652da8c760ebe83"`);
    await q.query(`ALTER TABLE "purchase_order_lines" DROP CONSTRAINT "FK_1b7242d654272b67cfffcd9d6ea"`);
    await q.query(`ALTER TABLE "purchase_order_lines" DROP CONSTRAINT "FK_c70f4952f88b5bd649151f631c8"`);
    await q.query(`ALTER TABLE "goods_receipts" DROP CONSTRAINT "FK_d3c8a7fa026b8e9e9b1cc98241a"`);
    await q.query(`ALTER TABLE "purchase_orders" DROP CONSTRAINT "FK_d16a885aa88447ccfd010e739b0"`);
    await q.query(`ALTER TABLE "supplier_items" DROP CONSTRAINT "FK_d63fb680a818f037d73ffb3a4a5"`);
    await q.query(`ALTER TABLE "supplier_items" DROP CONSTRAINT "FK_375c2a8790b09a481638a33a0f3"`);
    await q.query(`DROP INDEX "public"."lots_purchase_order_line_idx"`);
    await q.query(`ALTER TABLE "lots" DROP COLUMN "purchase_order_line_id"`);
    await q.query(`ALTER TABLE "lots" DROP COLUMN "supplier_id"`);
    await q.query(`DROP INDEX "public"."sales_order_lines_order_line_key"`);
    await q.query(`DROP INDEX "public"."sales_order_lines_product_idx"`);
    await q.query(`DROP TABLE "sales_order_lines"`);
    await q.query(`DROP TYPE "public"."destination"`);
    await q.query(`DROP INDEX "public"."sales_orders_customer_po_key"`);
    await q.query(`DROP INDEX "public"."sales_orders_state_idx"`);
    await q.query(`DROP INDEX "public"."sales_orders_number_key"`);
    await q.query(`DROP TABLE "sales_orders"`);
    await q.query(`DROP TYPE "public"."sales_order_state"`);
    await q.query(`DROP INDEX "public"."goods_receipt_lines_po_line_idx"`);
    await q.query(`DROP INDEX "public"."goods_receipt_lines_receipt_idx"`);
    await q.query(`DROP TABLE "goods_receipt_lines"`);
    await q.query(`DROP INDEX "public"."purchase_order_lines_order_line_key"`);
    await q.query(`DROP INDEX "public"."purchase_order_lines_product_idx"`);
    await q.query(`DROP TABLE "purchase_order_lines"`);
    await q.query(`DROP INDEX "public"."goods_receipts_order_idx"`);
    await q.query(`DROP INDEX "public"."goods_receipts_number_key"`);
    await q.query(`DROP TABLE "goods_receipts"`);
    await q.query(`DROP INDEX "public"."purchase_orders_state_idx"`);
    await q.query(`DROP INDEX "public"."purchase_orders_supplier_idx"`);
    await q.query(`DROP INDEX "public"."purchase_orders_number_key"`);
    await q.query(`DROP TABLE "purchase_orders"`);
    await q.query(`DROP TYPE "public"."purchase_order_state"`);
    await q.query(`DROP INDEX "public"."supplier_items_supplier_product_key"`);
    await q.query(`DROP INDEX "public"."supplier_items_preferred_key"`);
    await q.query(`DROP INDEX "public"."supplier_items_product_idx"`);
    await q.query(`DROP TABLE "supplier_items"`);
    await q.query(`DROP INDEX "public"."partners_type_idx"`);
    await q.query(`DROP INDEX "public"."partners_code_key"`);
    await q.query(`DROP TABLE "partners"`);
    await q.query(`DROP TYPE "public"."partner_type"`);
  }
}
