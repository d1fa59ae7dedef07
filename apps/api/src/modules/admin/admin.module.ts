import { Module } from '@nestjs/common';
import { RolesController, UsersController } from './admin.controllers.js';
import { CompanyController } from './company.controller.js';
import { CompanyService } from './company.service.js';
import { RolesService } from './roles.service.js';
import { UsersService } from './users.service.js';
import { AdminAuditLinks } from './admin.audit-links.js';

@Module({
  controllers: [UsersController, RolesController, CompanyController],
  providers: [UsersService, RolesService, CompanyService, AdminAuditLinks],
})
export class AdminModule {}
