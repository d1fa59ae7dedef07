import type { Permission } from '@kapok/contracts';
import {
  IconBinaryTree2,
  IconBuildingFactory2,
  IconBuildingWarehouse,
  IconCalendarStats,
  IconFileInvoice,
  IconLayoutKanban,
  IconRosetteDiscountCheck,
  IconRoute,
  IconShieldLock,
  IconShoppingCart,
  IconTimeline,
  IconTruckDelivery,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';

export type ModuleKey =
  | 'warehouse'
  | 'bom'
  | 'ppic'
  | 'planning'
  | 'sales'
  | 'purchasing'
  | 'partners'
  | 'production'
  | 'quality'
  | 'shipping'
  | 'trace'
  | 'kanban'
  | 'admin';

export interface ModuleEntry {
  key: ModuleKey;
  path: string;
  /** Needed to see the module in the navigation and to open its pages. */
  permission: Permission;
  icon: Icon;
  color: string;
}

/** The factory's modules in navigation order; the navigation and the home tiles both read this. */
export const MODULES: readonly ModuleEntry[] = [
  {
    key: 'warehouse',
    path: '/warehouse',
    permission: 'warehouse.view',
    icon: IconBuildingWarehouse,
    color: 'teal',
  },
  { key: 'bom', path: '/bom', permission: 'bom.view', icon: IconBinaryTree2, color: 'grape' },
  { key: 'ppic', path: '/ppic', permission: 'ppic.view', icon: IconCalendarStats, color: 'blue' },
  {
    key: 'planning',
    path: '/planning',
    permission: 'planning.view',
    icon: IconTimeline,
    color: 'indigo',
  },
  { key: 'sales', path: '/sales', permission: 'sales.view', icon: IconFileInvoice, color: 'cyan' },
  {
    key: 'purchasing',
    path: '/purchasing',
    permission: 'purchasing.view',
    icon: IconShoppingCart,
    color: 'lime',
  },
  { key: 'partners', path: '/partners', permission: 'partners.view', icon: IconUsersGroup, color: 'yellow' },
  {
    key: 'production',
    path: '/production',
    permission: 'production.view',
    icon: IconBuildingFactory2,
    color: 'orange',
  },
  {
    key: 'quality',
    path: '/quality',
    permission: 'quality.view',
    icon: IconRosetteDiscountCheck,
    color: 'lime',
  },
  {
    key: 'shipping',
    path: '/shipping',
    permission: 'shipping.view',
    icon: IconTruckDelivery,
    color: 'violet',
  },
  { key: 'trace', path: '/trace', permission: 'quality.view', icon: IconRoute, color: 'cyan' },
  { key: 'kanban', path: '/kanban', permission: 'kanban.view', icon: IconLayoutKanban, color: 'pink' },
  { key: 'admin', path: '/admin', permission: 'admin.view', icon: IconShieldLock, color: 'gray' },
];

export const moduleByKey = (key: ModuleKey): ModuleEntry => MODULES.find((m) => m.key === key)!;

export const modulesFor = (permissions: readonly string[]): ModuleEntry[] =>
  MODULES.filter((m) => permissions.includes(m.permission));
