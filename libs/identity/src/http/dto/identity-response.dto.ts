import { ApiProperty } from '@nestjs/swagger';
import { ORGANIZATION_KINDS, ROLES } from '@slussen/core';

// What the identity routes answer, for the OpenAPI document (the web app's client is generated from it).

export class TokenPairDto {
  @ApiProperty({ description: 'Short-lived JWT for `Authorization: Bearer`.' }) accessToken: string;
  @ApiProperty({ description: 'Opaque (`slr_...`); each use rotates it.' }) refreshToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires.', example: 900 }) expiresIn: number;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['sv', 'en'], enumName: 'Language' }) language: 'sv' | 'en';
  @ApiProperty() platformAdmin: boolean;
}

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind' }) kind: string;
  @ApiProperty({ type: 'string', nullable: true, example: '556677-8899' }) orgNumber: string | null;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SignupResultDto extends TokenPairDto {
  @ApiProperty({ type: UserDto }) user: UserDto;
  @ApiProperty({ type: OrganizationDto }) organization: OrganizationDto;
}

export class MeMembershipDto {
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind' }) kind: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role: string;
}

export class MeDto extends UserDto {
  @ApiProperty({ type: [MeMembershipDto] }) memberships: MeMembershipDto[];
}

export class AuditActorDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({
    description:
      'Whether the person belongs to the organization now (false: someone who acted in it, a former member say).',
  })
  member: boolean;
}

export class AuditActorListDto {
  @ApiProperty({ type: [AuditActorDto] }) items: AuditActorDto[];
}
