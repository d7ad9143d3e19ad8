// Browser tier: the built console (dist/console) served by the built API, driven in Debian's Chromium
// through playwright-core. Assumes `npm run build` has run; see test/browser/console.browser-spec.ts.
const base = require('./jest.config.js');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser-spec.ts'],
  transform: base.transform,
  // The same ESM-only packages are compiled to CommonJS (otplib: a step enrols a second factor through the API).
  transformIgnorePatterns: base.transformIgnorePatterns,
  moduleNameMapper: base.moduleNameMapper,
  // One API process and one browser for the whole file; steps share them, so no parallel workers.
  maxWorkers: 1,
  testTimeout: 120000,
};
