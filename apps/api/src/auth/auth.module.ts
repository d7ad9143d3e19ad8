import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { UsersModule } from '../users/users.module';
import { AreaGuard } from './area.guard';
import { AuthController } from './auth.controller';
import { StaffSessionGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { PrincipalCache } from './principal-cache';

@Global()
@Module({
  imports: [UsersModule],
  controllers: [AuthController],
  providers: [AuthService, PrincipalCache, StaffSessionGuard, { provide: APP_GUARD, useClass: AreaGuard }],
  exports: [AuthService],
})
export class AuthModule {}
