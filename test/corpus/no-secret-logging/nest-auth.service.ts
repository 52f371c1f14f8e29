import { Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ConfigService } from '@nestjs/config';

interface LoginDto {
  username: string;
  password: string;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly jwt: JwtService,
    private readonly config: ConfigService,
  ) {}

  async signIn(dto: LoginDto) {
    this.logger.log(`Sign-in attempt for ${dto.username}`);
    this.logger.debug(`Sign-in payload: ${JSON.stringify(dto)}`); // expect-typed: no-secret-logging
    const user = await this.validate(dto.username, dto.password);
    if (!user) {
      throw new UnauthorizedException(`Invalid password "${dto.password}" for ${dto.username}`); // expect: no-secret-logging
    }
    const accessToken = await this.jwt.signAsync({ sub: user.id });
    this.logger.verbose(`Issued access token ${accessToken}`); // expect: no-secret-logging
    this.logger.verbose(`Issued access token for user ${user.id}`);
    return { accessToken };
  }

  async refresh(refreshToken: string) {
    this.logger.log('Refreshing session');
    this.logger.debug({ refreshToken }, 'refresh'); // expect: no-secret-logging
    const payload = await this.jwt.verifyAsync<{ sub: string }>(refreshToken, {
      secret: this.config.get<string>('JWT_REFRESH_SECRET'),
    });
    this.logger.debug({ sub: payload.sub }, 'refresh token verified');
    return payload;
  }

  logConfig() {
    const jwtSecret = this.config.getOrThrow<string>('JWT_SECRET');
    this.logger.log(`JWT secret length: ${jwtSecret.length}`);
    this.logger.log(`JWT secret: ${jwtSecret}`); // expect: no-secret-logging
    this.logger.log(`JWT issuer: ${this.config.get('JWT_ISSUER')}`);
  }

  private async validate(username: string, password: string) {
    if (!password) {
      this.logger.warn(`Empty password submitted for ${username}`);
      return null;
    }
    return { id: username };
  }
}
