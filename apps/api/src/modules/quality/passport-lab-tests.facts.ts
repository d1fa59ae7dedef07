import type { EntityManager } from 'typeorm';

export interface PassportLabTestRow {
  test_type: string;
  standard: string;
  measured_value: string;
  unit: string;
  verdict: string;
  tested_at: Date;
}

/** The latest result of each lab test of a batch, for its public passport (the quality module's table). */
export function passportLabTests(m: EntityManager, lotId: string): Promise<PassportLabTestRow[]> {
  return m.query(
    `select distinct on (test_type) test_type, standard, measured_value::text, unit, verdict, tested_at
       from lab_tests where lot_id = $1 order by test_type, tested_at desc, created_at desc`,
    [lotId],
  );
}
