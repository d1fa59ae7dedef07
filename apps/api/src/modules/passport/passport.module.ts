import { Module } from '@nestjs/common';
import { WarehouseModule } from '../warehouse/warehouse.module.js';
import { LotPassportController, PublicPassportController } from './passport.controllers.js';
import { PassportService } from './passport.service.js';

/** Digital Product Passports of finished-goods batches: issued by staff, read by anyone with the code. */
@Module({
  imports: [WarehouseModule],
  controllers: [LotPassportController, PublicPassportController],
  providers: [PassportService],
  exports: [PassportService],
})
export class PassportModule {}
