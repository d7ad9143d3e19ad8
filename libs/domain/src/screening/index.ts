export * from './rules';
export * from './fingerprint';
export * from './suspension';
export * from './summaries';
