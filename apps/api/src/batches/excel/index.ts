export * from './import-errors';
export * from './zip-inspector';
export * from './template-layout';
export * from './build-template';
export * from './read-batch-file';
export * from './error-report';
export * from '../../organisations/occupation-catalogue.loader';
export * from './xlsx-sheet-reader';
