export { createTestApp, type TestAppOptions } from './create-test-app.js';
export { testConfig } from './test-config.js';
