import { Module } from '@nestjs/common';
import { WorkController } from './work.controller.js';
import { WorkService } from './work.service.js';

/** "My work" for the home page: reads other modules' sections through their own functions. */
@Module({ controllers: [WorkController], providers: [WorkService] })
export class WorkModule {}
