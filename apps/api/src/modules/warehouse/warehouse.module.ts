import { Module } from '@nestjs/common';
import { AlertsEvaluator } from './alerts/alerts.evaluator.js';
import { AlertsService } from './alerts/alerts.service.js';
import { ConsignmentLocations } from './locations/consignment.js';
import { Locations } from './locations/location-directory.js';
import { LocationsService } from './locations/locations.service.js';
import { LotsService } from './lots/lots.service.js';
import { ProductImageController } from './products/product-image.controller.js';
import { ProductImages } from './products/product-images.js';
import { WarehouseAuditLinks } from './warehouse.audit-links.js';
import { ProductsService } from './products/products.service.js';
import { PostingHooks } from './stock/posting-hooks.js';
import { PostingService } from './stock/posting.service.js';
import { StockCommands } from './stock/stock.commands.js';
import { StockQueries } from './stock/stock.queries.js';
import { Stock } from './stock/stock.js';
import {
  AlertsController,
  LocationsController,
  LotsController,
  ProductsController,
  StockController,
} from './warehouse.controllers.js';

/** Products, locations, lots, the stock ledger and stock alerts. PostingService is what other modules use. */
@Module({
  controllers: [
    ProductImageController,
    ProductsController,
    LocationsController,
    LotsController,
    StockController,
    AlertsController,
  ],
  providers: [
    Locations,
    ConsignmentLocations,
    Stock,
    PostingHooks,
    ProductsService,
    LocationsService,
    LotsService,
    StockQueries,
    StockCommands,
    PostingService,
    AlertsEvaluator,
    AlertsService,
    ProductImages,
    WarehouseAuditLinks,
  ],
  exports: [
    ProductImages,
    Locations,
    ConsignmentLocations,
    Stock,
    PostingService,
    PostingHooks,
    LocationsService,
    StockQueries,
  ],
})
export class WarehouseModule {}
