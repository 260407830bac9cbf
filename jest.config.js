/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // A guard against hangs, not a speed check (speed is measured in npm run bench). Under CI's
  // full parallel run on 2 cores, a test driving the bot end to end can take over 5 s.
  testTimeout: 30_000,
  roots: ['<rootDir>'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }],
    // jose (used by the Agents SDK) ships ES modules only: compile it to CommonJS for jest.
    '^.+\\.m?js$': ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/\\.data/', '/coverage/'],
};
