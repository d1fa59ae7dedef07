import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../core/context/request-context.js';
import { ErrorBody } from '../../core/errors/error-body.js';
import { IdParam } from '../../core/http/id-param.js';
import type { Page } from '../../core/http/paging.js';
import { Idempotent } from '../../core/idempotency/idempotent.decorator.js';
import { CurrentPrincipal } from '../../core/permissions/current-principal.decorator.js';
import { RequirePermission } from '../../core/permissions/route-access.decorators.js';
import {
  CreateShipmentRequest,
  OpenLineQuery,
  OpenSalesOrderLineResponse,
  ShipmentPage,
  ShipmentQuery,
  ShipmentResponse,
  type ShipmentSummary,
  ShipmentTransitionRequest,
} from './dto/shipping.dto.js';
import { ShippingDocuments } from './shipping.documents.js';
import { ShippingService } from './shipping.service.js';

const sendPdf = (reply: FastifyReply, name: string, pdf: Buffer) =>
  reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${name.replace(/[^\w.-]/g, '_')}"`)
    .header('cache-control', 'private, no-cache')
    .header('x-content-type-options', 'nosniff')
    .send(pdf);

/** The address the browser used, for the passport QR on carton labels. */
const originOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

@ApiTags('shipping')
@Controller('shipping')
export class ShippingController {
  constructor(
    private readonly shipping: ShippingService,
    private readonly documents: ShippingDocuments,
  ) {}

  @Get('shipments')
  @RequirePermission('shipping.view')
  @ApiOkResponse({ type: ShipmentPage })
  listShipments(
    @Query() query: ShipmentQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<ShipmentSummary>> {
    return this.shipping.list(query, principal);
  }

  @Get('open-lines')
  @RequirePermission('shipping.view')
  @ApiOkResponse({
    type: OpenSalesOrderLineResponse,
    isArray: true,
    description: "A customer's confirmed order lines with pieces left to ship (at most 500)",
  })
  listOpenSalesOrderLines(@Query() query: OpenLineQuery): Promise<OpenSalesOrderLineResponse[]> {
    return this.shipping.openLines(query);
  }

  @Post('shipments')
  @Idempotent()
  @RequirePermission('shipping.create')
  @ApiCreatedResponse({ type: ShipmentResponse, description: 'DRAFT, with SH-YYYYMMDD-NNNN' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'Unknown customer' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description:
      "Not a customer, another customer's line, an unconfirmed order, or more than the open quantity",
  })
  createShipment(
    @Body() body: CreateShipmentRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ShipmentResponse> {
    return this.shipping.create(body, principal);
  }

  @Get('shipments/:id')
  @RequirePermission('shipping.view')
  @ApiOkResponse({ type: ShipmentResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  getShipment(@IdParam() id: string, @CurrentPrincipal() principal: Principal): Promise<ShipmentResponse> {
    return this.shipping.get(id, principal);
  }

  @Post('shipments/:id/pick')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('shipping.update')
  @ApiOkResponse({
    type: ShipmentResponse,
    description: 'PICKED: released lots reserved FIFO, packing plan fixed',
  })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'INVALID_STATE, SHIPMENT_SHORTAGE (the shortage per line), NO_PACKING_SIZE',
  })
  pickShipment(
    @IdParam() id: string,
    @Body() _body: ShipmentTransitionRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ShipmentResponse> {
    return this.shipping.pick(id, principal);
  }

  @Post('shipments/:id/ship')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('shipping.approve')
  @ApiOkResponse({
    type: ShipmentResponse,
    description: 'SHIPPED: stock posted to the customer, orders updated',
  })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE' })
  shipShipment(
    @IdParam() id: string,
    @Body() _body: ShipmentTransitionRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ShipmentResponse> {
    return this.shipping.ship(id, principal);
  }

  @Post('shipments/:id/cancel')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('shipping.update')
  @ApiOkResponse({
    type: ShipmentResponse,
    description: 'CANCELLED (from DRAFT or PICKED, reservations released)',
  })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE' })
  cancelShipment(
    @IdParam() id: string,
    @Body() _body: ShipmentTransitionRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ShipmentResponse> {
    return this.shipping.cancel(id, principal);
  }

  @Get('shipments/:id/delivery-note.pdf')
  @RequirePermission('shipping.view')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'Surat jalan' })
  @ApiNotFoundResponse({ type: ErrorBody })
  async getDeliveryNote(
    @IdParam() id: string,
    @CurrentPrincipal() principal: Principal,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const pdf = await this.documents.deliveryNote(id, principal);
    await sendPdf(reply, `delivery-note-${id}.pdf`, pdf);
  }

  @Get('shipments/:id/carton-labels.pdf')
  @RequirePermission('shipping.view')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    schema: { type: 'string', format: 'binary' },
    description: 'MIA carton labels, one per page',
  })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE (not picked yet)' })
  async getCartonLabels(
    @IdParam() id: string,
    @CurrentPrincipal() principal: Principal,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const pdf = await this.documents.cartonLabels(id, principal, originOf(req));
    await sendPdf(reply, `carton-labels-${id}.pdf`, pdf);
  }

  @Get('shipments/:id/pallet-labels.pdf')
  @RequirePermission('shipping.view')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    schema: { type: 'string', format: 'binary' },
    description: 'ULL pallet labels, one per page',
  })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'INVALID_STATE (not picked yet)' })
  async getPalletLabels(
    @IdParam() id: string,
    @CurrentPrincipal() principal: Principal,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const pdf = await this.documents.palletLabels(id, principal);
    await sendPdf(reply, `pallet-labels-${id}.pdf`, pdf);
  }
}
