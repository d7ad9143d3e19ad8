import { Global, Module } from '@nestjs/common';
import { JurisdictionService } from './jurisdiction.service';

@Global()
@Module({ providers: [JurisdictionService], exports: [JurisdictionService] })
export class JurisdictionModule {}
