import { MeasurementRequest } from './entities/measurement-request.entity.js';
import { MeasurementSource } from './entities/measurement-source.entity.js';
import { Measurement } from './entities/measurement.entity.js';
import { Metric } from './entities/metric.entity.js';
import { PilotEvent } from './entities/pilot-event.entity.js';
import { PilotOutcome } from './entities/pilot-outcome.entity.js';
import { Pilot } from './entities/pilot.entity.js';
import { SourceFetch } from './entities/source-fetch.entity.js';

export const PILOTS_ENTITIES = [
  Pilot,
  PilotEvent,
  Metric,
  MeasurementRequest,
  Measurement,
  PilotOutcome,
  MeasurementSource,
  SourceFetch,
];
