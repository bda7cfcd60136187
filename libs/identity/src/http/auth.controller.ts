import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PASSWORD_ATTEMPTS, Public, RateLimitGuard, ThrottleBucket } from '@slussen/core';
import { AccountsService } from '../accounts.service.js';
import { SessionService } from '../session.service.js';
import { LoginDto, RefreshTokenDto, SignupDto } from './dto/identity.dto.js';

@ApiTags('identity')
@Controller('auth')
@Public()
@UseGuards(RateLimitGuard)
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionService,
  ) {}

  /** Creates a company and its first admin, and signs the admin in. */
  @Post('signup')
  signup(@Body() body: SignupDto) {
    return this.accounts.signup(body);
  }

  @Post('login')
  @HttpCode(200)
  @ThrottleBucket(PASSWORD_ATTEMPTS)
  login(@Body() body: LoginDto) {
    return this.accounts.login(body.email, body.password);
  }

  /** A new token pair; the refresh token sent stops working, and reusing it revokes the session. */
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() body: RefreshTokenDto) {
    return this.sessions.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Body() body: RefreshTokenDto): Promise<void> {
    await this.sessions.end(body.refreshToken);
  }
}
