import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { AppError } from '../errors/app-error.js';

/** A uuid path parameter; anything that is not a uuid names no record, so it is a 404. */
export const IdParam =
  (name = 'id'): ParameterDecorator =>
  (target, key, index) => {
    Param(
      name,
      new ParseUUIDPipe({
        exceptionFactory: () => new AppError(404, 'NOT_FOUND', `No record has the id given in ${name}`),
      }),
    )(target, key, index);
    // Declared in the document as a uuid (a method decorator, so it takes the method's descriptor).
    if (key !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (descriptor) ApiParam({ name, type: String, format: 'uuid' })(target, key, descriptor);
    }
  };
