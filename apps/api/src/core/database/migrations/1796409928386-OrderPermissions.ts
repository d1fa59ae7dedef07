import type { MigrationInterface, QueryRunner } from 'typeorm';

const NEW_MODULES = ['partners', 'sales', 'purchasing', 'planning'];
const ACTIONS = ['view', 'create', 'update', 'delete', 'approve'];

/**
 * Roles already in a database are left as an admin edited them, so the permissions of the new modules
 * are granted here once: superadmin must hold every permission, the PPIC roles gain planning. A fresh
 * database has no roles yet at this point; the reference data seeds them from the catalogue.
 */
export class OrderPermissions1796409928386 implements MigrationInterface {
  name = 'OrderPermissions1796409928386';

  async up(q: QueryRunner): Promise<void> {
    const grant = (code: string, permissions: string[]) =>
      q.query(
        `update roles set permissions = array(select distinct unnest(permissions || $2::text[]) order by 1)
          where code = $1`,
        [code, permissions],
      );
    await grant(
      'superadmin',
      NEW_MODULES.flatMap((m) => ACTIONS.map((a) => `${m}.${a}`)),
    );
    await grant(
      'ppic_manager',
      ACTIONS.map((a) => `planning.${a}`),
    );
    await grant('ppic_admin', ['planning.view', 'planning.create']);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `update roles set permissions = array(select p from unnest(permissions) p
        where split_part(p, '.', 1) <> all($1::text[]) order by 1)`,
      [NEW_MODULES],
    );
  }
}
