export * from './password-policy';
export * from './formula-injection';
