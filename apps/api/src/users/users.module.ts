import { Module } from '@nestjs/common';
import { UserAuditNames } from './user-audit-names';
import { LoginThrottlesRepository } from './login-throttles.repository';
import { LoginThrottlesService } from './login-throttles.service';
import { SessionsRepository } from './sessions.repository';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** Accounts and their sessions and login throttles: one aggregate (auth, above, logs in and checks sessions). */
@Module({
  controllers: [UsersController],
  providers: [
    UserAuditNames,
    UsersService,
    UsersRepository,
    SessionsRepository,
    LoginThrottlesRepository,
    LoginThrottlesService,
  ],
  exports: [UsersService, UsersRepository, SessionsRepository, LoginThrottlesRepository, LoginThrottlesService],
})
export class UsersModule {}
