import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBody } from '../../errors/error-body.js';
import type { Principal } from '../../context/request-context.js';
import { IdParam } from '../../http/id-param.js';
import { CurrentPrincipal } from '../../permissions/current-principal.decorator.js';
import { RequirePermission } from '../../permissions/route-access.decorators.js';
import { ApiKeyPage, CreateApiKeyRequest, CreatedApiKeyResponse } from './api-key.dto.js';
import { ApiKeysService } from './api-keys.service.js';

@ApiTags('admin')
@Controller('admin/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @RequirePermission('admin.view')
  @ApiOkResponse({ type: ApiKeyPage })
  listApiKeys(): Promise<ApiKeyPage> {
    return this.keys.list();
  }

  @Post()
  @RequirePermission('admin.create')
  @ApiCreatedResponse({ type: CreatedApiKeyResponse, description: 'The secret is in this answer only' })
  @ApiConflictResponse({ type: ErrorBody, description: 'API_KEY_NAME_TAKEN' })
  createApiKey(
    @Body() body: CreateApiKeyRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedApiKeyResponse> {
    return this.keys.create(body, principal);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('admin.delete')
  @ApiNoContentResponse({ description: 'Revoked: the key answers 401 from now on' })
  @ApiNotFoundResponse({ type: ErrorBody })
  async revokeApiKey(@IdParam() id: string): Promise<void> {
    await this.keys.revoke(id);
  }
}
