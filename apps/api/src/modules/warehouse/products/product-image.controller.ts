import { Controller, Delete, Get, HttpCode, Put, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiProperty,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { PRODUCT_IMAGE_TYPES } from '@kapok/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorBody } from '../../../core/errors/error-body.js';
import { notFound } from '../../../core/errors/app-error.js';
import { IdParam } from '../../../core/http/id-param.js';
import { RequirePermission } from '../../../core/permissions/route-access.decorators.js';
import { type ProductImage, ProductImages } from './product-images.js';

export class ProductImageResponse {
  @ApiProperty({ enum: PRODUCT_IMAGE_TYPES })
  contentType: string;
  @ApiProperty({ description: 'Bytes' })
  size: number;
  @ApiProperty()
  sha256: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

/** Sends an image with its ETag; a matching If-None-Match is 304. */
export function sendImage(req: FastifyRequest, reply: FastifyReply, image: ProductImage, cache: string) {
  const etag = `"${image.sha256}"`;
  void reply.header('etag', etag).header('cache-control', cache).header('x-content-type-options', 'nosniff');
  if (req.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply.header('content-type', image.contentType).send(image.data);
}

@ApiTags('warehouse')
@Controller('warehouse/products/:id/image')
export class ProductImageController {
  constructor(private readonly images: ProductImages) {}

  @Put()
  @RequirePermission('warehouse.update')
  @ApiConsumes(...PRODUCT_IMAGE_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' }, description: 'PNG, JPEG or WebP, at most 2 MB' })
  @ApiOkResponse({ type: ProductImageResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'NOT_FOUND' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description: 'UNSUPPORTED_IMAGE, IMAGE_TOO_LARGE, IMAGE_TYPE_MISMATCH',
  })
  setProductImage(@IdParam() id: string, @Req() req: FastifyRequest): Promise<ProductImageResponse> {
    return this.images.put(id, req.headers['content-type'], req.body);
  }

  @Get()
  @RequirePermission('warehouse.view')
  @ApiProduces(...PRODUCT_IMAGE_TYPES)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'NOT_FOUND (no image)' })
  async getProductImage(
    @IdParam() id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const image = await this.images.get(id);
    if (!image) throw notFound('product image', id);
    await sendImage(req, reply, image, 'private, no-cache');
  }

  @Delete()
  @HttpCode(204)
  @RequirePermission('warehouse.update')
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorBody, description: 'NOT_FOUND' })
  async deleteProductImage(@IdParam() id: string): Promise<void> {
    await this.images.remove(id);
  }
}
