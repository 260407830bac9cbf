/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/workflow', '<rootDir>/graph', '<rootDir>/bot', '<rootDir>/tab', '<rootDir>/app', '<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }],
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/\\.data/'],
};
