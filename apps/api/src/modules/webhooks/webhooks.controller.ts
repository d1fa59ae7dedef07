import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Principal } from '../../core/context/request-context.js';
import { ErrorBody } from '../../core/errors/error-body.js';
import { IdParam } from '../../core/http/id-param.js';
import { PageQuery } from '../../core/http/paging.js';
import { CurrentPrincipal } from '../../core/permissions/current-principal.decorator.js';
import { RequirePermission } from '../../core/permissions/route-access.decorators.js';
import {
  CreatedWebhookResponse,
  CreateWebhookRequest,
  UpdateWebhookRequest,
  WebhookDeliveryPage,
  WebhookDeliveryResponse,
  WebhookPage,
  WebhookResponse,
} from './webhooks.dto.js';
import { WebhooksService } from './webhooks.service.js';

const TARGET_ERRORS =
  'VALIDATION_FAILED, WEBHOOK_PATTERN_UNKNOWN, WEBHOOK_TARGET_INVALID, WEBHOOK_TARGET_PRIVATE';

@ApiTags('admin')
@Controller('admin/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @RequirePermission('admin.view')
  @ApiOperation({ summary: 'List webhook subscriptions', description: 'Secrets are never listed.' })
  @ApiOkResponse({ type: WebhookPage })
  listWebhooks(): Promise<WebhookPage> {
    return this.webhooks.list();
  }

  @Post()
  @RequirePermission('admin.create')
  @ApiOperation({
    summary: 'Subscribe a URL to events',
    description:
      'Deliveries are POSTs signed by the Standard Webhooks scheme with the secret of this answer (shown once).',
  })
  @ApiCreatedResponse({ type: CreatedWebhookResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: TARGET_ERRORS })
  createWebhook(
    @Body() body: CreateWebhookRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedWebhookResponse> {
    return this.webhooks.create(body, principal);
  }

  @Get(':id')
  @RequirePermission('admin.view')
  @ApiOperation({ summary: 'One webhook subscription' })
  @ApiOkResponse({ type: WebhookResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  getWebhook(@IdParam() id: string): Promise<WebhookResponse> {
    return this.webhooks.get(id);
  }

  @Put(':id')
  @RequirePermission('admin.update')
  @ApiOperation({ summary: 'Change a webhook subscription (URL, events, on/off)' })
  @ApiOkResponse({ type: WebhookResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'STALE_VERSION' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: TARGET_ERRORS })
  updateWebhook(@IdParam() id: string, @Body() body: UpdateWebhookRequest): Promise<WebhookResponse> {
    return this.webhooks.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('admin.delete')
  @ApiOperation({ summary: 'Delete a webhook subscription', description: 'Queued deliveries are not sent.' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorBody })
  async deleteWebhook(@IdParam() id: string): Promise<void> {
    await this.webhooks.remove(id);
  }

  @Get(':id/deliveries')
  @RequirePermission('admin.view')
  @ApiOperation({ summary: 'The delivery log of a subscription, newest first' })
  @ApiOkResponse({ type: WebhookDeliveryPage })
  @ApiNotFoundResponse({ type: ErrorBody })
  listWebhookDeliveries(@IdParam() id: string, @Query() page: PageQuery): Promise<WebhookDeliveryPage> {
    return this.webhooks.deliveries(id, page);
  }

  @Post(':id/test')
  @RequirePermission('admin.update')
  @ApiOperation({ summary: 'Send a test delivery (webhook.ping)' })
  @ApiCreatedResponse({ type: WebhookDeliveryResponse, description: 'Queued; the log shows how it went' })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE: the subscription is switched off' })
  testWebhook(@IdParam() id: string): Promise<WebhookDeliveryResponse> {
    return this.webhooks.ping(id);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @RequirePermission('admin.update')
  @ApiOperation({
    summary: 'Send a delivered or failed message again',
    description: 'A new delivery with the same webhook-id, so the receiver can tell it is the same message.',
  })
  @ApiCreatedResponse({ type: WebhookDeliveryResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE: the subscription is switched off' })
  redeliverWebhook(
    @IdParam() id: string,
    @IdParam('deliveryId') deliveryId: string,
  ): Promise<WebhookDeliveryResponse> {
    return this.webhooks.redeliver(id, deliveryId);
  }
}
