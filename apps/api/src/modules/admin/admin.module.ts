import { Module } from '@nestjs/common';
import { RolesController, UsersController } from './admin.controllers.js';
import { RolesService } from './roles.service.js';
import { UsersService } from './users.service.js';

@Module({
  controllers: [UsersController, RolesController],
  providers: [UsersService, RolesService],
})
export class AdminModule {}
