export * from './password-policy';
export * from './formula-injection';
export * from './client-address';
