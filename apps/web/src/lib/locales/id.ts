import type { Messages } from './en';

/** Bahasa Indonesia. */
export const id: Messages = {
  common: {
    appName: 'Kapok',
    tagline: 'Produksi, gudang, dan e-kanban untuk pabrik boneka',
    loading: 'Memuat…',
    retry: 'Coba lagi',
    cancel: 'Batal',
    save: 'Simpan',
    saveChanges: 'Simpan perubahan',
    close: 'Tutup',
    reset: 'Buang perubahan',
    edit: 'Ubah',
    all: 'Semua',
    none: '—',
    clearFilters: 'Hapus filter',
    requestId: 'ID permintaan',
    copy: 'Salin',
    copied: 'Tersalin',
    showing: 'Menampilkan {{from}}–{{to}} dari {{total}}',
    timeZoneNote: 'Waktu dalam WIB (Asia/Jakarta)',
    openMenu: 'Buka navigasi',
  },
  language: {
    label: 'Bahasa',
    en: 'English',
    id: 'Bahasa Indonesia',
  },
  auth: {
    signIn: 'Masuk',
    signingIn: 'Sedang masuk…',
    signOut: 'Keluar',
    welcome: 'Selamat datang kembali',
    subtitle: 'Masuk dengan akun pabrik Anda untuk melanjutkan.',
    username: 'Nama pengguna',
    usernamePlaceholder: 'mis. warehouse',
    password: 'Kata sandi',
    passwordPlaceholder: 'Kata sandi Anda',
    usernameRequired: 'Masukkan nama pengguna',
    passwordRequired: 'Masukkan kata sandi',
    failed: 'Gagal masuk',
    sessionEnded: 'Sesi Anda telah berakhir. Silakan masuk kembali untuk melanjutkan.',
    loggedOut: 'Anda telah keluar.',
    restoring: 'Membuka Kapok…',
    help: 'Lupa kata sandi? Minta administrator PPIC atau sistem untuk mengatur ulang.',
    heroTitle: 'Dari meja potong sampai karton, dalam satu tempat.',
    heroPoints: {
      plan: 'Rencanakan perintah produksi dan pantau di setiap departemen',
      stock: 'Kelola bahan, lot, dan stok dengan tepat di setiap lokasi',
      kanban: 'Minta, setujui, dan kirim aksesori dengan kartu e-kanban',
    },
    footer: 'Pabrik boneka · Indonesia',
  },
  nav: {
    label: 'Navigasi utama',
    home: 'Beranda',
    warehouse: 'Gudang',
    bom: 'BOM',
    ppic: 'PPIC',
    production: 'Produksi',
    kanban: 'Kanban',
    admin: 'Admin',
    users: 'Pengguna',
    roles: 'Peran',
    audit: 'Log audit',
  },
  modules: {
    warehouse: {
      description:
        'Produk, lokasi, lot, dan stok tersedia, dengan penerimaan, pengeluaran, transfer, dan peringatan stok.',
      emptyTitle: 'Gudang belum diisi di Kapok',
      emptyBody:
        'Produk, lokasi, dan saldo stok akan tampil di sini. Mulailah dengan mendaftarkan bahan dan rak gudang, lalu catat penerimaan pertama.',
    },
    bom: {
      description:
        'Daftar kebutuhan bahan per artikel: komponen per departemen, susut, bahan alternatif, dan revisi.',
      emptyTitle: 'Belum ada BOM',
      emptyBody:
        'Setiap artikel jadi memerlukan BOM sebelum dapat direncanakan. Buat BOM untuk sebuah artikel, baris demi baris dari pemotongan sampai pengemasan.',
    },
    ppic: {
      description: 'Perintah produksi dari draf sampai selesai, dengan dasbor MO untuk rencana minggu ini.',
      emptyTitle: 'Belum ada perintah produksi',
      emptyBody:
        'Perintah produksi untuk rencana minggu ini akan tercantum di sini. Buat MO untuk artikel yang memiliki BOM aktif untuk memulai.',
    },
    production: {
      description: 'Perintah kerja per departemen: hasil, reject, dan serah terima WIP ke lini berikutnya.',
      emptyTitle: 'Belum ada perintah kerja di lini',
      emptyBody:
        'Perintah kerja muncul di sini setelah PPIC memulai perintah produksi. Departemen Anda lalu mencatat hasil dan menyerahkan WIP.',
    },
    kanban: {
      description:
        'Papan e-kanban: permintaan aksesori dan bahan dari lini, disetujui dan dikirim oleh gudang.',
      emptyTitle: 'Papan kanban masih kosong',
      emptyBody:
        'Kartu yang diminta lini akan bergerak di sini dari Diminta sampai Diterima. Minta karton, label, atau dakron ke gudang dengan kartu baru.',
    },
    admin: {
      description: 'Pengguna, peran beserta izinnya, dan log audit setiap perubahan.',
    },
    comingSoon: 'Sedang dibangun',
    open: 'Buka',
  },
  home: {
    greeting: {
      morning: 'Selamat pagi, {{name}}',
      afternoon: 'Selamat siang, {{name}}',
      evening: 'Selamat malam, {{name}}',
    },
    today: 'Hari ini {{date}}.',
    yourModules: 'Modul Anda',
    noModules: 'Peran Anda belum membuka modul apa pun. Minta administrator untuk memberi akses.',
    signedInAs: 'Masuk sebagai {{role}}',
    inDepartment: 'Departemen {{department}}',
  },
  user: {
    menu: 'Menu akun',
    role: 'Peran',
    department: 'Departemen',
    noDepartment: 'Semua departemen',
  },
  access: {
    noAccessTitle: 'Anda tidak memiliki akses ke halaman ini',
    noAccessBody:
      'Peran Anda ({{role}}) tidak mencakup izin {{permission}}. Hubungi administrator jika pekerjaan Anda membutuhkannya.',
    notFoundTitle: 'Halaman tidak ditemukan',
    notFoundBody: 'Alamatnya mungkin salah ketik, atau halamannya telah dipindahkan.',
    backHome: 'Kembali ke beranda',
  },
  errors: {
    title: 'Terjadi kesalahan',
    network: 'Kapok tidak dapat menghubungi server. Periksa koneksi Anda lalu coba lagi.',
    unknown: 'Terjadi kesalahan yang tidak terduga.',
    codes: {
      INVALID_CREDENTIALS: 'Nama pengguna atau kata sandi salah.',
      TOO_MANY_ATTEMPTS:
        'Terlalu banyak percobaan masuk yang gagal. Tunggu {{minutes}} menit lalu coba lagi.',
      USERNAME_TAKEN: 'Nama pengguna ini sudah dipakai.',
      STALE_VERSION:
        'Data ini telah diubah orang lain. Versi terbaru sudah dimuat; periksa kembali lalu simpan lagi.',
      ROLE_PROTECTED: 'Peran superadmin harus tetap memiliki semua izin.',
      FORBIDDEN: 'Anda tidak memiliki izin untuk melakukan ini.',
    },
  },
  validation: {
    required: 'Wajib diisi',
    passwordMin: 'Minimal 8 karakter',
    usernameFormat: 'Huruf kecil, angka, titik, tanda hubung, atau garis bawah',
    tooLong: 'Terlalu panjang',
  },
  number: {
    notANumber: 'Bukan angka: tulis seperti {{example}}',
    whole: '{{unit}} dihitung utuh: tanpa pecahan',
    decimals_one: 'Paling banyak {{count}} desimal',
    decimals_other: 'Paling banyak {{count}} desimal',
    min: 'Minimal {{min}}',
    minExclusive: 'Harus lebih dari {{min}}',
    max: 'Maksimal {{max}}',
  },
  unsaved: {
    title: 'Keluar tanpa menyimpan?',
    body: 'Perubahan di halaman ini belum disimpan. Jika keluar sekarang, perubahan akan hilang.',
    stay: 'Tetap di sini',
    leave: 'Keluar dan buang',
  },
  roles: {
    superadmin: 'Superadmin',
    manager: 'Manajer produksi',
    ppic_manager: 'Manajer PPIC',
    ppic_admin: 'Admin PPIC',
    engineer: 'Engineer BOM',
    warehouse_admin: 'Admin gudang',
    warehouse_operator: 'Operator gudang',
    dept_admin: 'Admin departemen',
    dept_supervisor: 'Supervisor departemen',
    qc_inspector: 'Inspektor QC',
    viewer: 'Pemantau',
    merchandiser: 'Merchandiser',
    purchasing_admin: 'Admin pembelian',
    purchasing_manager: 'Manajer pembelian',
  },
  departments: {
    CUTTING: 'Pemotongan',
    EMBROIDERY: 'Bordir',
    SUBCON: 'Subkon',
    SEWING: 'Penjahitan',
    FINISHING: 'Finishing',
    PACKING: 'Pengemasan',
    WAREHOUSE: 'Gudang',
    FINISHED_GOODS: 'Barang jadi',
    QC: 'Kontrol kualitas',
    PPIC: 'PPIC',
  },
};
