export * from './roles';
export * from './permissions';
export * from './jurisdiction';
export * from './region';
