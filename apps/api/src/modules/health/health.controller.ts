import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AppError } from '../../core/errors/app-error.js';
import { ErrorBody } from '../../core/errors/error-body.js';
import { Public } from '../../core/permissions/route-access.decorators.js';

export class HealthResponse {
  @ApiProperty({ example: 'ok' })
  status: string;
}

@ApiTags('platform')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('live')
  @Public()
  @ApiOkResponse({ type: HealthResponse })
  healthLive(): HealthResponse {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ type: ErrorBody, description: 'The database is unreachable' })
  async healthReady(): Promise<HealthResponse> {
    try {
      await Promise.race([
        this.dataSource.query('select 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
    } catch {
      throw new AppError(503, 'NOT_READY', 'The database is unreachable');
    }
    return { status: 'ok' };
  }
}
