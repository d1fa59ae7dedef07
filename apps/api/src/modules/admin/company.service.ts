import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditWriter } from '../../core/audit/audit.writer.js';
import { Transactions } from '../../core/database/transactions.js';
import { staleVersion } from '../../core/errors/app-error.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import { type CompanyRow, readCompany } from './company.facts.js';
import type { CompanyRequest, CompanyResponse } from './dto/company.dto.js';

const EMPTY: CompanyResponse = {
  legalName: null,
  address: null,
  operatorId: null,
  contactEmail: null,
  contactPhone: null,
  website: null,
  version: 0,
  updatedAt: null,
};

const toResponse = (r: CompanyRow | null): CompanyResponse =>
  r
    ? {
        legalName: r.legal_name,
        address: r.address,
        operatorId: r.operator_id,
        contactEmail: r.contact_email,
        contactPhone: r.contact_phone,
        website: r.website,
        version: r.version,
        updatedAt: r.updated_at.toISOString(),
      }
    : EMPTY;

/** The company settings passports name (one row, created by the first save). */
@Injectable()
export class CompanyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
  ) {}

  async get(): Promise<CompanyResponse> {
    return toResponse(await readCompany(this.dataSource.manager));
  }

  update(body: CompanyRequest): Promise<CompanyResponse> {
    return this.tx.run(async (m) => {
      // The first save races on the primary key: one insert wins, the other sees its row and its version.
      await m.query(
        `insert into company_settings (id, legal_name, address, operator_id, contact_email, version)
         values (1, '', '', '', '', 0) on conflict (id) do nothing`,
      );
      const current = (await readCompany(m, true))!;
      if (body.version !== undefined && body.version !== current.version)
        throw staleVersion('company', current.version);
      const before = current.version === 0 ? null : toResponse(current);
      await this.save(m, body, current.version + 1);
      const after = toResponse(await readCompany(m));
      await this.audit.record(m, {
        action: 'company.updated',
        entityType: 'company',
        entityId: 'company',
        before,
        after,
      });
      await this.events.publish(m, 'company.updated', []);
      return after;
    });
  }

  private async save(m: EntityManager, b: CompanyRequest, version: number): Promise<void> {
    await m.query(
      `update company_settings
          set legal_name = $1, address = $2, operator_id = $3, contact_email = $4, contact_phone = $5, website = $6,
              version = $7, updated_at = now()
        where id = 1`,
      [
        b.legalName,
        b.address,
        b.operatorId,
        b.contactEmail,
        b.contactPhone ?? null,
        b.website ?? null,
        version,
      ],
    );
  }
}
