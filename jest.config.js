// One jest config for unit (libs/domain, apps/api) and end-to-end (test/e2e) tiers.
// Nest 12 is ESM-only: @swc/jest transforms @nestjs/* in node_modules to CommonJS (ARCHITECTURE.md).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.medium-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '\\.browser-spec\\.ts$'],
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|@scure|@noble|@otplib|otplib|file-type|strtok3|token-types|@tokenizer|uint8array-extras|react-hotkeys-hook)/)',
  ],
  moduleNameMapper: {
    '^@app/domain$': '<rootDir>/libs/domain/src/index.ts',
    '^@app/contracts$': '<rootDir>/libs/contracts/src/index.ts',
  },
  testTimeout: 30000,
  // Suites wait on their own database most of the time: two workers use both cores of the CI machine (jest's
  // default of cores − 1 runs them one after another there).
  maxWorkers: 2,
};
