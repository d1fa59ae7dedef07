import { DEPARTMENTS } from '@kapok/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { rolesQueries } from '../api';

/** Role and department choices for selects, labelled for people. */
export function useRoleOptions() {
  const { t } = useTranslation();
  const roles = useQuery(rolesQueries.list());
  const roleOptions = (roles.data ?? []).map((r) => ({ value: r.code, label: r.name }));
  const roleName = (code: string) => roles.data?.find((r) => r.code === code)?.name ?? code;
  const departmentOptions = DEPARTMENTS.map((d) => ({ value: d, label: t(`departments.${d}`) }));
  return { roleOptions, roleName, departmentOptions, rolesLoading: roles.isPending };
}
