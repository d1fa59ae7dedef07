import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DEPARTMENTS,
  PASSWORD_MIN_LENGTH,
  PERMISSIONS,
  type Department,
  type Permission,
} from '@kapok/contracts';
import { IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  username: string;

  @ApiProperty({ example: 'kapok-demo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

export class RefreshRequest {
  @ApiPropertyOptional({
    description: 'The refresh token; browsers may send it in the httpOnly cookie instead',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}

export class LogoutRequest extends RefreshRequest {}

export class ChangePasswordRequest {
  @ApiProperty({ description: 'The password the user signs in with now' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    description: `At least ${PASSWORD_MIN_LENGTH} characters and hard to guess (zxcvbn score 3 or more)`,
  })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  newPassword: string;
}

export class MeResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  username: string;
  @ApiProperty()
  fullName: string;
  @ApiProperty({ description: 'Role code', example: 'warehouse_admin' })
  role: string;
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department', nullable: true, type: String })
  department: Department | null;
  @ApiProperty({ enum: PERMISSIONS, enumName: 'Permission', isArray: true })
  permissions: Permission[];
}

export class TokenPairResponse {
  @ApiProperty()
  accessToken: string;
  @ApiProperty()
  refreshToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 })
  expiresIn: number;
}

export class LoginResponse extends TokenPairResponse {
  @ApiProperty({ type: MeResponse })
  user: MeResponse;
}
