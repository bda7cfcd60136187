// The data source for TypeORM's CLI (npm run migration:*). The apps build their
// own from AppConfig; both use dataSourceOptions, so they see the same schema.
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@slussen/core';
import { SCHEMA_ENTITIES } from './schema.js';

const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error('DATABASE_URL must be set for the migration commands (npm start prints the embedded one)');
}

export default new DataSource(dataSourceOptions({ url, entities: SCHEMA_ENTITIES, applicationName: 'slussen-cli' }));
