import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Area, Public } from '../common/http/route-access';
import { bearerToken } from '../auth/auth.guard';
import { LookupLoginDto, LookupRegistrationDto } from './dto/lookup-accounts.dto';
import { LookupAuthService } from './lookup-auth.service';
import { LookupQuotaService } from './lookup-quota.service';
import { CurrentLookupAccount, type LookupPrincipal } from './lookup-principal';

/** public lookup accounts; R-30: the day's quota. */
@ApiTags('lookup 证书查询（公众账号）')
@Area('lookup')
@Controller('api/lookup')
export class LookupAuthController {
  constructor(
    private readonly auth: LookupAuthService,
    private readonly quotas: LookupQuotaService,
  ) {}

  @Post('auth/register')
  @Public()
  register(@Body() dto: LookupRegistrationDto, @Req() req: Request) {
    return this.auth.register(dto, req.ip ?? '');
  }

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  login(@Body() dto: LookupLoginDto, @Req() req: Request) {
    return this.auth.login(dto.account, dto.password, req.ip ?? '');
  }

  @Get('auth/me')
  @ApiBearerAuth()
  me(@CurrentLookupAccount() account: LookupPrincipal) {
    return this.auth.me(account);
  }

  @Post('auth/logout')
  @ApiBearerAuth()
  @HttpCode(204)
  async logout(@Req() req: Request) {
    await this.auth.logout(bearerToken(req));
  }

  @Get('quota')
  @ApiBearerAuth()
  quota(@CurrentLookupAccount() account: LookupPrincipal) {
    return this.quotas.view(account);
  }
}
