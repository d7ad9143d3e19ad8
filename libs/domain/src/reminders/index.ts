export * from './reminder-events';
