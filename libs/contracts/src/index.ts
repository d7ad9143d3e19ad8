// The API's JSON contracts and the Chinese names of their codes, shared by the API and the console.
// Pure data and types: no Nest, TypeORM, React or IO imports here (contracts-purity.spec.ts); may use @app/domain.
export * from './audit';
export * from './batches';
export * from './calendar';
export * from './certificates';
export * from './deadlines';
export * from './mail';
export * from './jobs';
export * from './organisations';
export * from './users';
export * from './data-admins';
export * from './reminders';
export * from './lookup';
export * from './dashboard';
export * from './screening';
export * from './attachments';
export * from './corrections';
export * from './reports';
export * from './complaints';
