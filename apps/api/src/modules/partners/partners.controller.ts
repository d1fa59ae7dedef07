import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ErrorBody } from '../../core/errors/error-body.js';
import { IdParam } from '../../core/http/id-param.js';
import type { Page } from '../../core/http/paging.js';
import { RequirePermission } from '../../core/permissions/route-access.decorators.js';
import {
  CreatePartnerRequest,
  CreateSupplierItemRequest,
  PartnerPage,
  PartnerQuery,
  PartnerResponse,
  SupplierItemPage,
  SupplierItemQuery,
  SupplierItemResponse,
  UpdatePartnerRequest,
  UpdateSupplierItemRequest,
} from './dto/partners.dto.js';
import { PartnersService } from './partners.service.js';

@ApiTags('partners')
@Controller('partners')
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  @Get()
  @RequirePermission('partners.view')
  @ApiOkResponse({ type: PartnerPage })
  listPartners(@Query() query: PartnerQuery): Promise<Page<PartnerResponse>> {
    return this.partners.list(query);
  }

  @Post()
  @RequirePermission('partners.create')
  @ApiCreatedResponse({ type: PartnerResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'DUPLICATE_CODE' })
  createPartner(@Body() body: CreatePartnerRequest): Promise<PartnerResponse> {
    return this.partners.create(body);
  }

  @Get(':id')
  @RequirePermission('partners.view')
  @ApiOkResponse({ type: PartnerResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  getPartner(@IdParam() id: string): Promise<PartnerResponse> {
    return this.partners.get(id);
  }

  @Put(':id')
  @RequirePermission('partners.update')
  @ApiOkResponse({ type: PartnerResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'STALE_VERSION' })
  updatePartner(@IdParam() id: string, @Body() body: UpdatePartnerRequest): Promise<PartnerResponse> {
    return this.partners.update(id, body);
  }
}

/** Supplier items sit under purchasing (their permission), owned by the partners module. */
@ApiTags('purchasing')
@Controller('purchasing/supplier-items')
export class SupplierItemsController {
  constructor(private readonly partners: PartnersService) {}

  @Get()
  @RequirePermission('purchasing.view')
  @ApiOkResponse({ type: SupplierItemPage })
  listSupplierItems(@Query() query: SupplierItemQuery): Promise<Page<SupplierItemResponse>> {
    return this.partners.listItems(query);
  }

  @Post()
  @RequirePermission('purchasing.create')
  @ApiCreatedResponse({ type: SupplierItemResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'DUPLICATE_SUPPLIER_ITEM' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description: 'UNIT_NOT_CONVERTIBLE, or not a supplier / not a purchased product',
  })
  createSupplierItem(@Body() body: CreateSupplierItemRequest): Promise<SupplierItemResponse> {
    return this.partners.createItem(body);
  }

  @Put(':id')
  @RequirePermission('purchasing.update')
  @ApiOkResponse({ type: SupplierItemResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'STALE_VERSION' })
  updateSupplierItem(
    @IdParam() id: string,
    @Body() body: UpdateSupplierItemRequest,
  ): Promise<SupplierItemResponse> {
    return this.partners.updateItem(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('purchasing.delete')
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorBody })
  deleteSupplierItem(@IdParam() id: string): Promise<void> {
    return this.partners.removeItem(id);
  }
}
