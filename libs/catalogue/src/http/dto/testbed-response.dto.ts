import { ApiProperty } from '@nestjs/swagger';
import { DOMAIN_KEYS, ENVIRONMENT_TYPES, TESTBED_STATUSES } from '../../domains.js';

// What the catalogue answers, for the OpenAPI document (the web app's client is generated from it).

export class TrlRangeDto {
  @ApiProperty({ minimum: 1, maximum: 9 }) min: number;
  @ApiProperty({ minimum: 1, maximum: 9 }) max: number;
}

export class LocationDto {
  @ApiProperty() municipality: string;
  @ApiProperty({ type: 'string', nullable: true }) address: string | null;
  @ApiProperty({ type: 'number', nullable: true }) lat: number | null;
  @ApiProperty({ type: 'number', nullable: true }) lon: number | null;
}

export class BookingRulesDto {
  @ApiProperty({ description: "A request waits for a manager's approval (else it is confirmed at once)." })
  requiresApproval: boolean;
  @ApiProperty({ description: 'A slot can be booked at the latest this many days before it starts.' })
  minLeadDays: number;
  @ApiProperty({ description: 'A slot can be booked at the earliest this many days before it starts.' })
  maxAdvanceDays: number;
  @ApiProperty({ description: 'Places one company may hold at once in slots not yet ended.' })
  maxActiveBookingsPerCompany: number;
  @ApiProperty({ description: 'Days within which a request is decided, or it expires.' }) decisionDays: number;
}

export class TestbedOwnerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Region Östergötland' }) name: string;
}

export class TestbedOwnerListItemDto extends TestbedOwnerDto {
  @ApiProperty({ description: 'Published test beds it owns.' }) testbeds: number;
}

export class TestbedOwnerListDto {
  @ApiProperty({ type: [TestbedOwnerListItemDto] }) items: TestbedOwnerListItemDto[];
}

export class TestbedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The region or municipality that owns it.' }) organizationId: string;
  @ApiProperty({ type: TestbedOwnerDto, description: 'The owner organization (its id is organizationId), by name.' })
  owner: TestbedOwnerDto;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: 'string', nullable: true }) description: string | null;
  @ApiProperty({ enum: ENVIRONMENT_TYPES, enumName: 'EnvironmentType' }) environmentType: string;
  @ApiProperty({ type: TrlRangeDto }) trl: TrlRangeDto;
  @ApiProperty({ enum: DOMAIN_KEYS, enumName: 'Domain', isArray: true }) domains: string[];
  @ApiProperty({ type: LocationDto }) location: LocationDto;
  @ApiProperty({
    example: 'Europe/Stockholm',
    description: 'IANA time zone of the test bed; its slots are shown in it.',
  })
  timezone: string;
  @ApiProperty({ description: 'Pilots it can host at once.' }) capacity: number;
  @ApiProperty({ type: BookingRulesDto }) rules: BookingRulesDto;
  @ApiProperty({ type: 'string', nullable: true }) contactEmail: string | null;
  @ApiProperty({ type: [Number], description: 'Days before a slot starts that both sides are reminded.' })
  reminderDays: number[];
  @ApiProperty({ enum: TESTBED_STATUSES, enumName: 'TestbedStatus' }) status: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) retiredAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class TestbedPageDto {
  @ApiProperty({ type: [TestbedDto] }) items: TestbedDto[];
  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as ?cursor= for the next page; null on the last.' })
  nextCursor: string | null;
}

export class DomainLabelsDto {
  @ApiProperty() sv: string;
  @ApiProperty() en: string;
}

export class DomainDto {
  @ApiProperty({ enum: DOMAIN_KEYS, enumName: 'Domain' }) key: string;
  @ApiProperty({ type: DomainLabelsDto }) labels: DomainLabelsDto;
}

export class DomainListDto {
  @ApiProperty({ type: [DomainDto] }) items: DomainDto[];
}
