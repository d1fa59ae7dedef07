/** English texts. Indonesian (id.ts) has the same keys; the compiler checks it. */
export const en = {
  common: {
    appName: 'Kapok',
    tagline: 'Production, warehouse and e-kanban for the soft-toy factory',
    loading: 'Loading…',
    retry: 'Try again',
    cancel: 'Cancel',
    save: 'Save',
    saveChanges: 'Save changes',
    close: 'Close',
    reset: 'Discard changes',
    edit: 'Edit',
    all: 'All',
    none: '—',
    clearFilters: 'Clear filters',
    requestId: 'Request ID',
    copy: 'Copy',
    copied: 'Copied',
    showing: 'Showing {{from}}–{{to}} of {{total}}',
    timeZoneNote: 'Times in WIB (Asia/Jakarta)',
    openMenu: 'Open navigation',
  },
  language: {
    label: 'Language',
    en: 'English',
    id: 'Bahasa Indonesia',
  },
  auth: {
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    signOut: 'Sign out',
    welcome: 'Welcome back',
    subtitle: 'Sign in with your factory account to continue.',
    username: 'Username',
    usernamePlaceholder: 'e.g. warehouse',
    password: 'Password',
    passwordPlaceholder: 'Your password',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    failed: 'Sign-in failed',
    sessionEnded: 'Your session has ended. Sign in again to continue.',
    loggedOut: 'You have signed out.',
    restoring: 'Opening Kapok…',
    help: 'Forgot your password? Ask your PPIC or system administrator to reset it.',
    heroTitle: 'From cutting table to carton, in one place.',
    heroPoints: {
      plan: 'Plan manufacturing orders and follow them through every department',
      stock: 'Keep materials, lots and stock right in every location',
      kanban: 'Request, approve and ship accessories with e-kanban cards',
    },
    footer: 'Soft-toy factory · Indonesia',
  },
  nav: {
    label: 'Main navigation',
    home: 'Home',
    warehouse: 'Warehouse',
    bom: 'BOM',
    ppic: 'PPIC',
    production: 'Production',
    kanban: 'Kanban',
    admin: 'Admin',
    users: 'Users',
    roles: 'Roles',
    audit: 'Audit log',
  },
  modules: {
    warehouse: {
      description:
        'Products, locations, lots and stock on hand, with receipts, issues, transfers and stock alerts.',
      emptyTitle: 'The warehouse is not stocked in Kapok yet',
      emptyBody:
        'Products, locations and stock balances will appear here. Start by registering your materials and warehouse racks, then record the first receipts.',
    },
    bom: {
      description:
        'Bills of materials per article: components per department, wastage, alternatives and revisions.',
      emptyTitle: 'No bills of materials yet',
      emptyBody:
        'Each finished article needs a BOM before it can be planned. Create one for an article, line by line from cutting to packing.',
    },
    ppic: {
      description: 'Manufacturing orders from draft to completed, with the MO dashboard for the week’s plan.',
      emptyTitle: 'No manufacturing orders yet',
      emptyBody:
        'Manufacturing orders for this week’s plan will be listed here. Create an MO for an article with an active BOM to get started.',
    },
    production: {
      description: 'Work orders per department: output, rejects and the handover of WIP to the next line.',
      emptyTitle: 'No work orders on the lines',
      emptyBody:
        'Work orders appear here once PPIC starts a manufacturing order. Your department will then record output and hand WIP over.',
    },
    kanban: {
      description:
        'The e-kanban board: accessory and material requests from the lines, approved and shipped by the warehouse.',
      emptyTitle: 'The kanban board is empty',
      emptyBody:
        'Cards requested by the lines will move here from Requested to Received. Ask the warehouse for cartons, labels or filling with a new card.',
    },
    admin: {
      description: 'Users, roles and their permissions, and the audit log of every change.',
    },
    comingSoon: 'Being built',
    open: 'Open',
  },
  home: {
    greeting: {
      morning: 'Good morning, {{name}}',
      afternoon: 'Good afternoon, {{name}}',
      evening: 'Good evening, {{name}}',
    },
    today: 'Today is {{date}}.',
    yourModules: 'Your modules',
    noModules: 'Your role does not open any module yet. Ask an administrator to grant you access.',
    signedInAs: 'Signed in as {{role}}',
    inDepartment: '{{department}} department',
  },
  user: {
    menu: 'Account menu',
    role: 'Role',
    department: 'Department',
    noDepartment: 'All departments',
  },
  access: {
    noAccessTitle: 'You don’t have access to this page',
    noAccessBody:
      'Your role ({{role}}) does not include the permission {{permission}}. Ask an administrator if your work needs it.',
    notFoundTitle: 'Page not found',
    notFoundBody: 'The address may be mistyped, or the page has moved.',
    backHome: 'Back to home',
  },
  errors: {
    title: 'Something went wrong',
    network: 'Kapok could not reach the server. Check your connection and try again.',
    unknown: 'An unexpected error occurred.',
    codes: {
      INVALID_CREDENTIALS: 'Wrong username or password.',
      TOO_MANY_ATTEMPTS: 'Too many failed sign-in attempts. Wait {{minutes}} minutes and try again.',
      USERNAME_TAKEN: 'This username is already taken.',
      STALE_VERSION:
        'Someone else changed this in the meantime. The latest version has been loaded; review it and save again.',
      ROLE_PROTECTED: 'The superadmin role must keep every permission.',
      FORBIDDEN: 'You do not have permission to do this.',
    },
  },
  validation: {
    required: 'This field is required',
    passwordMin: 'At least 8 characters',
    usernameFormat: 'Lower-case letters, digits, dot, dash or underscore',
    tooLong: 'Too long',
  },
  roles: {
    superadmin: 'Superadmin',
    manager: 'Production manager',
    ppic_manager: 'PPIC manager',
    ppic_admin: 'PPIC admin',
    engineer: 'BOM engineer',
    warehouse_admin: 'Warehouse admin',
    warehouse_operator: 'Warehouse operator',
    dept_admin: 'Department admin',
    dept_supervisor: 'Department supervisor',
    qc_inspector: 'QC inspector',
    viewer: 'Viewer',
    merchandiser: 'Merchandiser',
    purchasing_admin: 'Purchasing admin',
    purchasing_manager: 'Purchasing manager',
  },
  departments: {
    CUTTING: 'Cutting',
    EMBROIDERY: 'Embroidery',
    SUBCON: 'Subcontractor',
    SEWING: 'Sewing',
    FINISHING: 'Finishing',
    PACKING: 'Packing',
    WAREHOUSE: 'Warehouse',
    FINISHED_GOODS: 'Finished goods',
    QC: 'Quality control',
    PPIC: 'PPIC',
  },
};

export type Messages = typeof en;
