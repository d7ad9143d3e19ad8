export * from './digest';
export * from './reminder-events';
