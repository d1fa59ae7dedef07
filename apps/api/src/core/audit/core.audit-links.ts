import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditLinks, auditLookup } from './audit-links.js';

interface UserLinkRow {
  id: string;
  username: string;
}
interface RoleLinkRow {
  id: string;
  code: string;
}
interface ApiKeyLinkRow {
  id: string;
  name: string;
}

/** Core's own audited records: accounts, roles and API keys. */
@Injectable()
export class CoreAuditLinks implements OnModuleInit {
  constructor(private readonly links: AuditLinks) {}

  onModuleInit(): void {
    this.links.register(
      'user',
      auditLookup<UserLinkRow>(`select id, username from users where id = any($1::uuid[])`, (r) => ({
        label: r.username,
        path: '/admin/users',
      })),
    );
    this.links.register(
      'role',
      auditLookup<RoleLinkRow>(`select id, code from roles where id = any($1::uuid[])`, (r) => ({
        label: r.code,
        path: `/admin/roles?role=${encodeURIComponent(r.code)}`,
      })),
    );
    this.links.register(
      'api_key',
      auditLookup<ApiKeyLinkRow>(`select id, name from api_keys where id = any($1::uuid[])`, (r) => ({
        label: r.name,
        path: null,
      })),
    );
  }
}
