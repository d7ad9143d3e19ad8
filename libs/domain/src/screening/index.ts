export * from './rules';
export * from './fingerprint';
