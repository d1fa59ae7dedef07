/**
 * The permission catalogue and the seeded roles of domain.md. The API guards and the web buttons both
 * read this list, so they always agree.
 */
import type { Department } from './enums.js';

export const PERMISSION_MODULES = [
  'warehouse',
  'bom',
  'ppic',
  'production',
  'kanban',
  'admin',
  'partners',
  'sales',
  'purchasing',
  'planning',
  'quality',
  'shipping',
] as const;
export type PermissionModule = (typeof PERMISSION_MODULES)[number];
export const PERMISSION_ACTIONS = ['view', 'create', 'update', 'delete', 'approve'] as const;
export type PermissionAction = (typeof PERMISSION_ACTIONS)[number];
export type Permission = `${PermissionModule}.${PermissionAction}`;

export const PERMISSIONS: readonly Permission[] = PERMISSION_MODULES.flatMap((m) =>
  PERMISSION_ACTIONS.map((a) => `${m}.${a}` as Permission),
);

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

const all = (module: PermissionModule): Permission[] =>
  PERMISSION_ACTIONS.map((a) => `${module}.${a}` as const);
const views: Permission[] = PERMISSION_MODULES.map((m) => `${m}.view` as const);
/** Every business module's view: the viewer role reads the factory, not its users and audit log (docs/decisions/0001). */
const businessViews: Permission[] = views.filter((p) => p !== 'admin.view');

export interface RoleDefinition {
  code: string;
  name: string;
  permissions: readonly Permission[];
}

const deptAdmin: Permission[] = [
  'production.view',
  'production.create',
  'production.update',
  'kanban.view',
  'kanban.create',
  'kanban.update',
  'warehouse.view',
  'bom.view',
  'ppic.view',
];

const purchasingAdmin: Permission[] = [
  'partners.view',
  'partners.create',
  'partners.update',
  'purchasing.view',
  'purchasing.create',
  'purchasing.update',
  'purchasing.delete',
  'warehouse.view',
];

const qcInspector: Permission[] = [
  'quality.view',
  'quality.create',
  'production.view',
  'ppic.view',
  'warehouse.view',
];

export const SEEDED_ROLES: readonly RoleDefinition[] = [
  { code: 'superadmin', name: 'Superadmin', permissions: PERMISSIONS },
  {
    code: 'manager',
    name: 'Production manager',
    permissions: [...views, 'ppic.approve', 'bom.approve', 'kanban.approve'],
  },
  {
    code: 'ppic_manager',
    name: 'PPIC manager',
    permissions: [
      ...all('ppic'),
      ...all('planning'),
      'production.view',
      'warehouse.view',
      'bom.view',
      'kanban.view',
    ],
  },
  {
    code: 'ppic_admin',
    name: 'PPIC admin',
    permissions: [
      'ppic.view',
      'ppic.create',
      'ppic.update',
      'planning.view',
      'planning.create',
      'production.view',
      'warehouse.view',
      'bom.view',
      'kanban.view',
    ],
  },
  {
    code: 'engineer',
    name: 'BOM engineer',
    permissions: ['bom.view', 'bom.create', 'bom.update', 'bom.delete', 'warehouse.view'],
  },
  {
    code: 'warehouse_admin',
    name: 'Warehouse admin',
    permissions: [
      ...all('warehouse'),
      'bom.view',
      'kanban.view',
      'kanban.update',
      'kanban.approve',
      'ppic.view',
    ],
  },
  {
    code: 'warehouse_operator',
    name: 'Warehouse operator',
    permissions: ['warehouse.view', 'warehouse.create', 'kanban.view', 'kanban.update'],
  },
  // Security counts goods at the gate against the gate pass (original-system.md §2.4, #500–#570).
  { code: 'security', name: 'Security', permissions: ['warehouse.view', 'warehouse.approve'] },
  { code: 'dept_admin', name: 'Department admin', permissions: deptAdmin },
  {
    code: 'dept_supervisor',
    name: 'Department supervisor',
    permissions: [...deptAdmin, 'production.approve'],
  },
  // Inspectors record quality, not production output (quality-shipping.md).
  { code: 'qc_inspector', name: 'QC inspector', permissions: qcInspector },
  {
    code: 'qc_manager',
    name: 'QC manager',
    permissions: [...qcInspector, 'quality.update', 'quality.approve'],
  },
  {
    code: 'merchandiser',
    name: 'Merchandiser',
    permissions: [...all('partners'), ...all('sales'), 'ppic.view', 'warehouse.view', 'shipping.view'],
  },
  // The finished-goods warehouse ships against sales orders (quality-shipping.md).
  {
    code: 'fg_admin',
    name: 'Finished-goods admin',
    // partners.view: a shipment starts by choosing its customer.
    permissions: [...all('shipping'), 'warehouse.view', 'warehouse.create', 'sales.view', 'partners.view'],
  },
  { code: 'purchasing_admin', name: 'Purchasing admin', permissions: purchasingAdmin },
  {
    code: 'purchasing_manager',
    name: 'Purchasing manager',
    permissions: [...purchasingAdmin, 'purchasing.approve'],
  },
  { code: 'viewer', name: 'Viewer', permissions: businessViews },
];

export interface DemoUser {
  username: string;
  fullName: string;
  role: string;
  department: Department | null;
}

export const DEMO_PASSWORD = 'kapok-demo';

/** Shortest password the API accepts for a new or changed password (it also checks strength). */
export const PASSWORD_MIN_LENGTH = 12;

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', fullName: 'Adi Nugroho', role: 'superadmin', department: null },
  { username: 'manager', fullName: 'Budi Santoso', role: 'manager', department: null },
  { username: 'ppic', fullName: 'Citra Lestari', role: 'ppic_manager', department: 'PPIC' },
  { username: 'ppic_admin', fullName: 'Dewi Anggraini', role: 'ppic_admin', department: 'PPIC' },
  { username: 'engineer', fullName: 'Eko Prasetyo', role: 'engineer', department: null },
  { username: 'warehouse', fullName: 'Fajar Hidayat', role: 'warehouse_admin', department: 'WAREHOUSE' },
  { username: 'wh_operator', fullName: 'Gita Permata', role: 'warehouse_operator', department: 'WAREHOUSE' },
  { username: 'cutting', fullName: 'Hendra Wijaya', role: 'dept_admin', department: 'CUTTING' },
  { username: 'embroidery', fullName: 'Indah Sari', role: 'dept_admin', department: 'EMBROIDERY' },
  { username: 'sewing', fullName: 'Joko Susilo', role: 'dept_admin', department: 'SEWING' },
  { username: 'finishing', fullName: 'Kartika Putri', role: 'dept_admin', department: 'FINISHING' },
  { username: 'packing', fullName: 'Lukman Hakim', role: 'dept_admin', department: 'PACKING' },
  { username: 'spv_sewing', fullName: 'Maya Kusuma', role: 'dept_supervisor', department: 'SEWING' },
  { username: 'qc', fullName: 'Nur Aisyah', role: 'qc_inspector', department: 'QC' },
  { username: 'qc_manager', fullName: 'Teguh Saputra', role: 'qc_manager', department: 'QC' },
  { username: 'fg', fullName: 'Vina Oktaviani', role: 'fg_admin', department: 'WAREHOUSE' },
  { username: 'viewer', fullName: 'Oki Setiawan', role: 'viewer', department: null },
  { username: 'security', fullName: 'Wahyu Nugraha', role: 'security', department: null },
  { username: 'merchandiser', fullName: 'Putri Ramadhani', role: 'merchandiser', department: null },
  { username: 'purchasing', fullName: 'Rudi Hartono', role: 'purchasing_admin', department: null },
  { username: 'purchasing_mgr', fullName: 'Sinta Wulandari', role: 'purchasing_manager', department: null },
];
