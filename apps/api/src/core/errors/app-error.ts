import { HttpException } from '@nestjs/common';
import type { ErrorCode } from '@kapok/contracts';

/** An error a client can act on: a stable code, a message for people, optional details. */
export class AppError extends HttpException {
  constructor(
    status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super({ code, message, details }, status);
  }
}

export const notFound = (entity: string, id: string) =>
  new AppError(404, 'NOT_FOUND', `${entity} ${id} does not exist`, { entity, id });

export const staleVersion = (entity: string, current: number) =>
  new AppError(409, 'STALE_VERSION', `This ${entity} was changed by someone else; reload and try again`, {
    currentVersion: current,
  });

export const validationFailed = (message: string, details?: unknown) =>
  new AppError(422, 'VALIDATION_FAILED', message, details);
