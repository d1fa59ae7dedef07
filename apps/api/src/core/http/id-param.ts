import { Param, ParseUUIDPipe } from '@nestjs/common';
import { AppError } from '../errors/app-error.js';

/** A uuid path parameter; anything that is not a uuid names no record, so it is a 404. */
export const IdParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new AppError(404, 'NOT_FOUND', `No record has the id given in ${name}`),
    }),
  );
