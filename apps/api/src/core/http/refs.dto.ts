import { ApiProperty } from '@nestjs/swagger';

/** Who did something, as answers name them. */
export class UserRef {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  username: string;
}

/** A person with the name shown on screens. */
export class PersonRef extends UserRef {
  @ApiProperty()
  fullName: string;
}
