import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ErrorBody } from '../../core/errors/error-body.js';
import { RequirePermission } from '../../core/permissions/route-access.decorators.js';
import { CompanyService } from './company.service.js';
import { CompanyRequest, CompanyResponse } from './dto/company.dto.js';

@ApiTags('admin')
@Controller('admin/company')
export class CompanyController {
  constructor(private readonly company: CompanyService) {}

  @Get()
  @RequirePermission('admin.view')
  @ApiOkResponse({ type: CompanyResponse })
  getCompany(): Promise<CompanyResponse> {
    return this.company.get();
  }

  @Put()
  @RequirePermission('admin.update')
  @ApiOkResponse({ type: CompanyResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'STALE_VERSION' })
  updateCompany(@Body() body: CompanyRequest): Promise<CompanyResponse> {
    return this.company.update(body);
  }
}
