import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { Clock } from './common/clock';
import { FieldCipher } from './crypto/field-cipher';
import { FileStore } from './files/file-store';

/** Process-wide services every feature may inject: validated config, the clock, the field cipher. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, Clock, FieldCipher, FileStore],
      exports: [APP_CONFIG, Clock, FieldCipher, FileStore],
    };
  }
}
