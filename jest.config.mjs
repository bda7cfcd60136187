// Unit (*.spec.ts beside the code), integration (*.int-spec.ts, real services)
// and end-to-end (test/e2e/*.e2e-spec.ts) tests in one run against one database.
export default {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testRegex: '\\.(spec|int-spec|e2e-spec)\\.ts$',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@slussen/core$': '<rootDir>/libs/core/src/index.ts',
    '^@slussen/testing$': '<rootDir>/libs/testing/src/index.ts',
    '^@slussen/identity$': '<rootDir>/libs/identity/src/index.ts',
    '^@slussen/identity/entities$': '<rootDir>/libs/identity/src/identity.entities.ts',
    '^@slussen/catalogue$': '<rootDir>/libs/catalogue/src/index.ts',
    '^@slussen/catalogue/entities$': '<rootDir>/libs/catalogue/src/catalogue.entities.ts',
    '^@slussen/scheduling$': '<rootDir>/libs/scheduling/src/index.ts',
    '^@slussen/scheduling/entities$': '<rootDir>/libs/scheduling/src/scheduling.entities.ts',
    '^@slussen/notifications$': '<rootDir>/libs/notifications/src/index.ts',
    '^@slussen/notifications/entities$': '<rootDir>/libs/notifications/src/notifications.entities.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/test/setup-after-env.ts'],
  testTimeout: 30000,
  maxWorkers: 2,
};
