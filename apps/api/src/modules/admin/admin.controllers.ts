import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { IdParam } from '../../core/http/id-param.js';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBody } from '../../core/errors/error-body.js';
import { RequirePermission } from '../../core/permissions/route-access.decorators.js';
import { CreateRoleRequest, RolePage, RoleResponse, UpdateRoleRequest } from './dto/role.dto.js';
import { CreateUserRequest, UpdateUserRequest, UserPage, UserQuery, UserResponse } from './dto/user.dto.js';
import { RolesService } from './roles.service.js';
import { UsersService } from './users.service.js';

@ApiTags('admin')
@Controller('admin/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission('admin.view')
  @ApiOkResponse({ type: UserPage })
  listUsers(@Query() query: UserQuery): Promise<UserPage> {
    return this.users.list(query);
  }

  @Post()
  @RequirePermission('admin.create')
  @ApiCreatedResponse({ type: UserResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'USERNAME_TAKEN' })
  createUser(@Body() body: CreateUserRequest): Promise<UserResponse> {
    return this.users.create(body);
  }

  @Get(':id')
  @RequirePermission('admin.view')
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  getUser(@IdParam() id: string): Promise<UserResponse> {
    return this.users.get(id);
  }

  @Put(':id')
  @RequirePermission('admin.update')
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'STALE_VERSION' })
  updateUser(@IdParam() id: string, @Body() body: UpdateUserRequest): Promise<UserResponse> {
    return this.users.update(id, body);
  }
}

@ApiTags('admin')
@Controller('admin/roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get()
  @RequirePermission('admin.view')
  @ApiOkResponse({ type: RolePage })
  listRoles(): Promise<RolePage> {
    return this.roles.list();
  }

  @Post()
  @RequirePermission('admin.create')
  @ApiCreatedResponse({ type: RoleResponse })
  @ApiConflictResponse({ type: ErrorBody, description: 'ROLE_CODE_TAKEN or ROLE_NAME_TAKEN' })
  createRole(@Body() body: CreateRoleRequest): Promise<RoleResponse> {
    return this.roles.create(body);
  }

  @Put(':code')
  @RequirePermission('admin.update')
  @ApiOkResponse({ type: RoleResponse })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiConflictResponse({ type: ErrorBody, description: 'STALE_VERSION or ROLE_PROTECTED' })
  updateRole(@Param('code') code: string, @Body() body: UpdateRoleRequest): Promise<RoleResponse> {
    return this.roles.update(code, body);
  }
}
