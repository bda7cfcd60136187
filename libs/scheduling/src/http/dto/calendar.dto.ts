import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class FeedQueryDto {
  /** The feed token of a subscription URL; or send a bearer instead. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  token?: string;
}

export class CreatedFeedTokenDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'The token, shown this once (slf_...)' })
  token: string;

  @ApiProperty({ description: 'The subscription URL for a calendar app, token included' })
  url: string;

  @ApiProperty({ format: 'date-time', description: 'After this the URL opens nothing (CALENDAR_FEED_TOKEN_TTL_DAYS)' })
  expiresAt: string;
}

export class FeedTokenDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['testbed', 'organization'] })
  scope: string;

  @ApiProperty({ format: 'uuid', description: 'The test bed or organization whose feed it opens' })
  subjectId: string;

  @ApiProperty({ type: String, nullable: true, description: 'The first characters of the token, to tell URLs apart' })
  tokenPrefix: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  createdByUserId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt: string | null;

  @ApiProperty({
    enum: ['active', 'expired', 'revoked', 'stopped'],
    description: '`stopped`: its creator no longer holds a role that may read the feed',
  })
  status: string;
}

export class FeedTokenListDto {
  @ApiProperty({ type: [FeedTokenDto] })
  items: FeedTokenDto[];
}
