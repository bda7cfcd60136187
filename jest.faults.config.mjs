// The fault suite (test/faults/*.fault-spec.ts): the built apps as child processes,
// broken on purpose. One file at a time, after the other tests (npm run test:faults).
import base from './jest.config.mjs';

export default {
  ...base,
  roots: ['<rootDir>/test/faults'],
  testRegex: '\\.fault-spec\\.ts$',
  testTimeout: 600_000,
  maxWorkers: 1,
};
