import { DEPARTMENTS } from '@kapok/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../../../lib/auth';
import { rolesQueries } from '../api';

/** Role and department choices for selects, labelled for people. */
export function useRoleOptions() {
  const { t } = useTranslation();
  const roles = useQuery(rolesQueries.list());
  const roleOptions = (roles.data ?? []).map((r) => ({ value: r.code, label: roleLabel(r.code, r.name) }));
  const roleName = (code: string) => roleLabel(code, roles.data?.find((r) => r.code === code)?.name);
  const departmentOptions = DEPARTMENTS.map((d) => ({ value: d, label: t(`departments.${d}`) }));
  return { roleOptions, roleName, departmentOptions, rolesLoading: roles.isPending };
}
