import type { MigrationInterface, QueryRunner } from 'typeorm';

const ACTIONS = ['view', 'create', 'update', 'delete', 'approve'];

/**
 * Roles already in a database are left as an admin edited them, so the quality module's permissions
 * are granted here once: superadmin holds every permission, the readers of every module gain
 * quality.view, and the QC inspector records quality instead of production output. A fresh database
 * has no roles yet; the reference data seeds them (and qc_manager) from the catalogue.
 */
export class QualityPermissions1796420445185 implements MigrationInterface {
  name = 'QualityPermissions1796420445185';

  async up(q: QueryRunner): Promise<void> {
    const grant = (codes: string[], permissions: string[]) =>
      q.query(
        `update roles set permissions = array(select distinct unnest(permissions || $2::text[]) order by 1)
          where code = any($1::text[])`,
        [codes, permissions],
      );
    await grant(
      ['superadmin'],
      ACTIONS.map((a) => `quality.${a}`),
    );
    await grant(['manager', 'viewer'], ['quality.view']);
    await grant(['qc_inspector'], ['quality.view', 'quality.create', 'warehouse.view']);
    await q.query(
      `update roles set permissions = array_remove(permissions, 'production.update') where code = 'qc_inspector'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `update roles set permissions = array(select p from unnest(permissions) p where p not like 'quality.%' order by 1)`,
    );
    await q.query(
      `update roles set permissions = array(select distinct unnest(permissions || '{production.update}'::text[]) order by 1)
        where code = 'qc_inspector'`,
    );
  }
}
