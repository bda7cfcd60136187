import type { components } from './schema';

/** The API's own shapes, by their OpenAPI name (`npm run api:types` keeps them current). */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
