import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottlesRepository } from './login-throttles.repository';
import { SessionsRepository } from './sessions.repository';

@Global()
@Module({
  imports: [UsersModule],
  controllers: [AuthController],
  providers: [AuthService, SessionsRepository, LoginThrottlesRepository, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, SessionsRepository, LoginThrottlesRepository],
})
export class AuthModule {}
