import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiSecurity,
  ApiForbiddenResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Permission } from '@kapok/contracts';
import { ErrorBody } from '../errors/error-body.js';

export const ROUTE_ACCESS = 'kapok:route-access';

export type RouteAccess =
  { kind: 'public' } | { kind: 'signed-in' } | { kind: 'permission'; permission: Permission };

/** The route needs this one permission; it is written into the OpenAPI operation as `x-permission`. */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(ROUTE_ACCESS, { kind: 'permission', permission } satisfies RouteAccess),
    ApiBearerAuth(),
    ApiSecurity('api-key'),
    ApiExtension('x-permission', permission),
    ApiUnauthorizedResponse({
      type: ErrorBody,
      description: 'No, forged or expired access token or API key',
    }),
    ApiForbiddenResponse({ type: ErrorBody, description: `Needs ${permission}` }),
  );

/** Anyone may call the route, signed in or not (login, refresh, health, docs, metrics). */
export const Public = () =>
  applyDecorators(
    SetMetadata(ROUTE_ACCESS, { kind: 'public' } satisfies RouteAccess),
    ApiExtension('x-permission', 'public'),
  );

/** Any signed-in user may call the route (me, logout, events). */
export const SignedIn = () =>
  applyDecorators(
    SetMetadata(ROUTE_ACCESS, { kind: 'signed-in' } satisfies RouteAccess),
    ApiBearerAuth(),
    ApiSecurity('api-key'),
    ApiExtension('x-permission', 'signed-in'),
    ApiUnauthorizedResponse({
      type: ErrorBody,
      description: 'No, forged or expired access token or API key',
    }),
  );
