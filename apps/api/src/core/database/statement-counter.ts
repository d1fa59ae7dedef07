import { AdvancedConsoleLogger, type LoggerOptions, type QueryRunner } from 'typeorm';
import { RequestContext } from '../context/request-context.js';

/** Statements sent to PostgreSQL by this process: in total, and by the request that sent them. */
export const statementCounts = { total: 0, inRequests: 0 };

/**
 * TypeORM hands every statement to its logger before sending it (transaction control included), so
 * counting there sees each round trip once, without a wrapper around the driver. The request's share
 * lands on its context; `/metrics` turns it into statements per route.
 */
export class StatementCountingLogger extends AdvancedConsoleLogger {
  constructor(options?: LoggerOptions) {
    super(options);
  }

  override logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    statementCounts.total++;
    const store = RequestContext.current();
    if (store) {
      store.statements = (store.statements ?? 0) + 1;
      statementCounts.inRequests++;
    }
    super.logQuery(query, parameters, queryRunner);
  }
}
