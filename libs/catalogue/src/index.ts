// The catalogue context's public surface.
export { CATALOGUE_ENTITIES } from './catalogue.entities.js';
export { CatalogueModule } from './catalogue.module.js';
export { canSeeTestbed, type TestbedSubject } from './catalogue.policy.js';
export {
  DOMAINS,
  DOMAIN_KEYS,
  ENVIRONMENT_TYPES,
  type Domain,
  type EnvironmentType,
  type TestbedStatus,
} from './domains.js';
export { CatalogueHttpModule } from './http/catalogue-http.module.js';
export { prefixQuery } from './repositories/testbeds.repository.js';
export type { Testbed } from './entities/testbed.entity.js';
export { TestbedsService, type TestbedProfile } from './testbeds.service.js';
export type { TestbedView } from './testbed.view.js';
export { CATALOGUE_PROBLEMS } from './catalogue.errors.js';
