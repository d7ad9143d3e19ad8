import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '../common/actor/actor';
import { Area, AllowedBeforePasswordChange, CurrentActor, Public } from '../common/http/route-access';
import { bearerToken } from './auth.guard';
import { AuthService } from './auth.service';
import { ChangePasswordDto, LoginDto, TotpCodeDto, TotpSetupDto } from './dto/auth.dto';

@ApiTags('auth 登录')
@Area('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Req() req: Request) {
    return this.auth.login(dto.username, dto.password, dto.totpCode, req.ip ?? '');
  }

  @Get('me')
  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }

  @Post('logout')
  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @HttpCode(204)
  async logout(@CurrentActor() actor: Actor, @Req() req: Request) {
    await this.auth.logout(bearerToken(req), actor);
  }

  @Post('password')
  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @HttpCode(204)
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto, @Req() req: Request) {
    await this.auth.changePassword(actor, bearerToken(req), dto.currentPassword, dto.newPassword);
  }

  @Post('totp/setup')
  @ApiBearerAuth()
  @HttpCode(200)
  setupTotp(@CurrentActor() actor: Actor, @Body() dto: TotpSetupDto) {
    return this.auth.setupTotp(actor, dto.currentPassword);
  }

  @Post('totp/enable')
  @ApiBearerAuth()
  @HttpCode(204)
  async enableTotp(@CurrentActor() actor: Actor, @Body() dto: TotpCodeDto) {
    await this.auth.enableTotp(actor, dto.currentPassword, dto.code);
  }

  @Post('totp/disable')
  @ApiBearerAuth()
  @HttpCode(204)
  async disableTotp(@CurrentActor() actor: Actor, @Body() dto: TotpCodeDto) {
    await this.auth.disableTotp(actor, dto.currentPassword, dto.code);
  }
}
