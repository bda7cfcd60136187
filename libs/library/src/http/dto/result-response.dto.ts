import { ApiProperty } from '@nestjs/swagger';
import { DOMAIN_KEYS, ENVIRONMENT_TYPES } from '@slussen/catalogue';
import { OUTCOME_RESULTS } from '@slussen/pilots';
import { CONSENT_PARTS } from '../../consent-parts.js';

// What the results library answers, for the OpenAPI document (the web app's client is generated from it).

export class ConsentStateDto {
  @ApiProperty({ format: 'date-time' }) consentedAt: string;
  @ApiProperty({ enum: CONSENT_PARTS, isArray: true }) parts: string[];
}

export class ConsentsDto {
  @ApiProperty({ type: ConsentStateDto, nullable: true }) company: ConsentStateDto | null;
  @ApiProperty({ type: ConsentStateDto, nullable: true }) testbed: ConsentStateDto | null;
}

export class PublicationDto {
  @ApiProperty({ format: 'uuid' }) pilotId: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'The result in the library.' })
  resultId: string | null;
  @ApiProperty({ description: 'The company has consented.' }) company: boolean;
  @ApiProperty({ description: "The test bed's organization has consented." }) testbed: boolean;
  @ApiProperty({ description: 'In the public library: both sides consent.' }) published: boolean;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: ConsentsDto }) consents: ConsentsDto;
  @ApiProperty({ enum: CONSENT_PARTS, isArray: true, description: 'The parts both sides consented to.' })
  parts: string[];
  @ApiProperty({ enum: ['company', 'testbed'], nullable: true, description: 'The side the caller speaks for.' })
  side: 'company' | 'testbed' | null;
}

export class ResultCompanyDto {
  @ApiProperty() name: string;
}

export class ResultProblemDto {
  @ApiProperty({ type: 'string', nullable: true, enum: ['need', 'idea'] }) kind: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: 'string', nullable: true }) description: string | null;
  @ApiProperty({ type: 'string', nullable: true }) affects: string | null;
}

export class ResultTestbedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ENVIRONMENT_TYPES }) environmentType: string;
  @ApiProperty({ enum: DOMAIN_KEYS, isArray: true }) domains: string[];
  @ApiProperty() municipality: string;
  @ApiProperty() organizationName: string;
}

export class ResultPeriodDto {
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}

export class ResultOutcomeDto {
  @ApiProperty({ enum: OUTCOME_RESULTS }) result: string;
  @ApiProperty({ type: 'string', nullable: true }) summary: string | null;
  @ApiProperty({ type: 'string', nullable: true }) lessons: string | null;
}

export class ResultMetricDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty({ enum: ['increase', 'decrease'] }) direction: string;
  @ApiProperty({ type: 'number', nullable: true }) baseline: number | null;
  @ApiProperty({ type: 'number', nullable: true }) target: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: 'The measured value.' }) result: number | null;
}

export class AdoptionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ enum: ['region', 'municipality'] }) organizationKind: string;
  @ApiProperty({ format: 'date' }) adoptedAt: string;
  @ApiProperty({ type: 'string', nullable: true }) note: string | null;
}

export class CreatedAdoptionDto extends AdoptionDto {
  @ApiProperty({ format: 'uuid' }) resultId: string;
}

export class ResultDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: ResultCompanyDto, nullable: true }) company: ResultCompanyDto | null;
  @ApiProperty({ type: ResultProblemDto, nullable: true, description: 'The need or idea the pilot came from.' })
  problem: ResultProblemDto | null;
  @ApiProperty({ type: ResultTestbedDto }) testbed: ResultTestbedDto;
  @ApiProperty({ example: 'Europe/Stockholm' }) timezone: string;
  @ApiProperty({ type: ResultPeriodDto }) period: ResultPeriodDto;
  @ApiProperty({ type: ResultOutcomeDto }) outcome: ResultOutcomeDto;
  @ApiProperty({ type: [ResultMetricDto] }) metrics: ResultMetricDto[];
  @ApiProperty({ type: [AdoptionDto] }) adoptions: AdoptionDto[];
  @ApiProperty({ enum: CONSENT_PARTS, isArray: true, description: 'The parts shown.' }) parts: string[];
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
}

export class ResultPageDto {
  @ApiProperty({ type: [ResultDto] }) items: ResultDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor: string | null;
}

export class SpreadAdoptionDto {
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ enum: ['region', 'municipality'] }) organizationKind: string;
  @ApiProperty({ format: 'date' }) adoptedAt: string;
}

export class SpreadResultDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: OUTCOME_RESULTS }) outcome: string;
  @ApiProperty() testbedName: string;
  @ApiProperty() testbedOrganizationName: string;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: [SpreadAdoptionDto] }) adoptions: SpreadAdoptionDto[];
}

export class DomainSpreadDto {
  @ApiProperty({ enum: DOMAIN_KEYS }) domain: string;
  @ApiProperty({ description: 'Published results in the domain.' }) results: number;
  @ApiProperty({ description: 'Of those, adopted by at least one other organization.' }) adoptedResults: number;
  @ApiProperty({ description: 'Adoptions recorded.' }) adoptions: number;
  @ApiProperty({ description: 'Distinct organizations that adopted.' }) organizations: number;
  @ApiProperty() regions: number;
  @ApiProperty() municipalities: number;
  @ApiProperty({ type: [SpreadResultDto] }) items: SpreadResultDto[];
}

export class SpreadDto {
  @ApiProperty({ type: [DomainSpreadDto] }) items: DomainSpreadDto[];
}
