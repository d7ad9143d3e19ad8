// Pure business rules shared by the API and the console. No Nest, TypeORM or IO imports here.
export {};
export * from './errors';
export * from './access';
export * from './calendar';
export * from './identifiers';
export * from './masking';
export * from './security';
export * from './certificates';
export * from './batches';
export * from './reminders';
export * from './lookup';
export * from './screening';
export * from './attachments';
export * from './corrections';
export * from './reports';
export * from './complaints';
export * from './data-admins';
export * from './dashboard';
