import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '../context/request-context.js';

/** The signed-in user the guard resolved for this request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const request = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!request.principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return request.principal;
});
