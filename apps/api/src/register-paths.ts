import { join } from 'node:path';
import { register } from 'tsconfig-paths';

// At run time from dist/, map the @app/domain and @app/contracts aliases (tsconfig "paths") to the compiled library.
// Under jest the alias is mapped by moduleNameMapper instead, and this file is not loaded.
register({
  baseUrl: join(__dirname, '..', '..', '..'),
  paths: { '@app/domain': ['libs/domain/src/index.js'], '@app/contracts': ['libs/contracts/src/index.js'] },
});
