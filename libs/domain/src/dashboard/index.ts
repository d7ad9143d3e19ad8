export * from './dashboard-figures';
