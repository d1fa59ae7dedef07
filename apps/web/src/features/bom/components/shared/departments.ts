import { DEPARTMENTS, type Department } from '@kapok/contracts';

/**
 * Sections of a BOM in the order the work flows: the route departments (CUTTING, EMBROIDERY, SUBCON,
 * SEWING, FINISHING, PACKING) and then the others. DEPARTMENTS already lists them in that order.
 */
export const DEPARTMENT_ORDER: readonly Department[] = DEPARTMENTS;

export const departmentRank = (department: Department | null | undefined): number =>
  department ? DEPARTMENT_ORDER.indexOf(department) : DEPARTMENT_ORDER.length;

/** Items grouped by department, the groups in route order, each group in its original order. */
export function groupByDepartment<T>(
  items: readonly T[],
  departmentOf: (item: T) => Department,
): Array<{ department: Department; items: T[] }> {
  const groups = new Map<Department, T[]>();
  for (const item of items) {
    const department = departmentOf(item);
    groups.set(department, [...(groups.get(department) ?? []), item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => departmentRank(a) - departmentRank(b))
    .map(([department, grouped]) => ({ department, items: grouped }));
}
