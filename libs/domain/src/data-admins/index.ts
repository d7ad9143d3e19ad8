export * from './data-admin-record';
export * from './data-admin-status';
