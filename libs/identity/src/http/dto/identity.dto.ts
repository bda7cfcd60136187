import { ORGANIZATION_KINDS, PageQueryDto, ROLES, type OrganizationKind, type Role } from '@slussen/core';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDate,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { LANGUAGES, type Language } from '../../entities/user.entity.js';

const ORG_NUMBER = /^\d{6}-?\d{4}$/;

export class CompanyDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  /** Swedish organisationsnummer, NNNNNN-NNNN. */
  @IsOptional()
  @Matches(ORG_NUMBER, { message: 'orgNumber must look like 556677-8899' })
  orgNumber?: string;
}

export class SignupDto {
  @IsEmail()
  @MaxLength(254)
  email: string;

  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ValidateNested()
  @Type(() => CompanyDto)
  company: CompanyDto;
}

export class LoginDto {
  @IsString()
  @MaxLength(254)
  email: string;

  @IsString()
  @MaxLength(256)
  password: string;
}

export class RefreshTokenDto {
  @IsString()
  @MaxLength(512)
  refreshToken: string;
}

export class CreateOrganizationDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @IsIn(ORGANIZATION_KINDS)
  kind: OrganizationKind;

  @IsOptional()
  @IsUUID()
  parentId?: string;

  @IsOptional()
  @Matches(ORG_NUMBER, { message: 'orgNumber must look like 212000-0142' })
  orgNumber?: string;
}

export class OrganizationListQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;
}

export class AddMemberDto {
  @IsEmail()
  @MaxLength(254)
  email: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @IsIn(ROLES)
  role: Role;

  /** Only for a new account; an existing user keeps their password. */
  @IsOptional()
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password?: string;

  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class ChangeRoleDto {
  @IsIn(ROLES)
  role: Role;
}

export class CreateApiTokenDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @IsIn(ROLES)
  role: Role;
}

export class ChangePasswordDto {
  @IsString()
  @MaxLength(256)
  currentPassword: string;

  /** 12 to 256 characters. */
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  newPassword: string;
}

export class ForgotPasswordDto {
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class ResetPasswordDto {
  /** The `token` of the e-mailed link (`/reset-password?token=...`). */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;

  /** 12 to 256 characters. */
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password: string;
}

export class AcceptInvitationDto {
  /** The token of the e-mailed link (`/invitations/<token>`). */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;
}

export class InvitationIdDto {
  @ApiProperty({ format: 'uuid' })
  invitationId: string;
}

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
}

export class ReceivedInvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) organizationKind: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, nullable: true }) invitedByName: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class ReceivedInvitationListDto {
  @ApiProperty({ type: [ReceivedInvitationDto] }) items: ReceivedInvitationDto[];
}

export class SentInvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  /** The address as it was typed when inviting. */
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class SentInvitationListDto {
  @ApiProperty({ type: [SentInvitationDto] }) items: SentInvitationDto[];
}

export class JoinedDto {
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ enum: ROLES }) role: Role;
}

export class AuditListQueryDto extends PageQueryDto {
  /** Who: changes made by this person (or by API tokens acting for them). */
  @IsOptional()
  @IsUUID()
  actorUserId?: string;

  /** What: an action (`member.add`) or every action on a subject (`member`). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/^[a-z][a-z-]*(\.[a-z][a-z-]*)*$/, { message: 'action must look like member or member.add' })
  action?: string;

  /** When: changes at or after this instant. */
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  /** When: changes before this instant. */
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;
}

export class UserSearchQueryDto extends PageQueryDto {
  /** Part of the person's name or e-mail address (at least two characters); without it, everyone. */
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(254)
  q?: string;
}

export class FoundUserMembershipDto {
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) kind: string;
  @ApiProperty({ enum: ROLES }) role: Role;
}

export class FoundUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty() platformAdmin: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [FoundUserMembershipDto] }) memberships: FoundUserMembershipDto[];
}

export class FoundUserListDto {
  @ApiProperty({ type: [FoundUserDto] }) items: FoundUserDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class UpdateMeDto {
  /** 1 to 200 characters, without surrounding spaces. */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  /** The language of the person's e-mails and of the web app once they sign in. */
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}
