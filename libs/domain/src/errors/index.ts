export * from './domain-error';
export * from './domain.errors';
