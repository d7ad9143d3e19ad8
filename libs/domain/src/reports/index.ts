export * from './quality-period';
