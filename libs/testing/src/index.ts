export { createTestApp, type TestAppOptions } from './create-test-app.js';
export { IdentityFactory, TEST_PASSWORD, type TestUser } from './factories/identity.factory.js';
export { isolatedDatabase } from './isolated-database.js';
export { testConfig } from './test-config.js';
