import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Login rate-limit counters shared by every API instance (rate-limiter-flexible's Postgres layout). */
export class LoginLimits1796411765340 implements MigrationInterface {
  name = 'LoginLimits1796411765340';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "login_limits" ("key" character varying(255) NOT NULL, "points" integer NOT NULL DEFAULT 0, "expire" bigint, CONSTRAINT "PK_login_limits" PRIMARY KEY ("key"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "login_limits"`);
  }
}
