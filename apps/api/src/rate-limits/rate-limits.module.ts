import { Module } from '@nestjs/common';
import { RateLimitService } from './rate-limit.service';
import { RateLimitsRepository } from './rate-limits.repository';

@Module({ providers: [RateLimitService, RateLimitsRepository], exports: [RateLimitService] })
export class RateLimitsModule {}
