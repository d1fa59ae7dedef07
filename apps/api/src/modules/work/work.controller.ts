import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../core/context/request-context.js';
import { CurrentPrincipal } from '../../core/permissions/current-principal.decorator.js';
import { SignedIn } from '../../core/permissions/route-access.decorators.js';
import { MyWorkResponse } from './work.dto.js';
import { WorkService } from './work.service.js';

@ApiTags('me')
@Controller('me')
export class WorkController {
  constructor(private readonly work: WorkService) {}

  /** Open to anyone signed in: each section is there only when the user's permissions make it theirs. */
  @Get('work')
  @SignedIn()
  @ApiOkResponse({
    type: MyWorkResponse,
    description: 'What waits for the signed-in user: MOs, work orders, handovers, cards, alerts',
  })
  getMyWork(@CurrentPrincipal() principal: Principal): Promise<MyWorkResponse> {
    return this.work.mine(principal);
  }
}
