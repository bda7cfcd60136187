import { ResultAdoption } from './entities/result-adoption.entity.js';
import { Result } from './entities/result.entity.js';

export const LIBRARY_ENTITIES = [Result, ResultAdoption];
