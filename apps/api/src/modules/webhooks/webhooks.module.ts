import { Module } from '@nestjs/common';
import { WebhookDeliveryJob } from './webhook-delivery.job.js';
import { WebhookFanOut } from './webhook-fan-out.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

@Module({
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookFanOut, WebhookDeliveryJob],
})
export class WebhooksModule {}
