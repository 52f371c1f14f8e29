import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly config: ConfigService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>();
    const apiKey = request.headers['x-api-key'];
    if (!apiKey) throw new UnauthorizedException();
    if (apiKey !== this.config.get<string>('API_KEY')) throw new UnauthorizedException(); // expect: no-timing-unsafe-compare
    return true;
  }
}

@Injectable()
export class ServiceTokenGuard implements CanActivate {
  private readonly serviceTokens: string[];

  constructor(config: ConfigService) {
    this.serviceTokens = config.getOrThrow<string>('SERVICE_TOKENS').split(',');
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>();
    const serviceToken = request.headers['x-service-token'] ?? '';
    if (this.serviceTokens.indexOf(serviceToken) === -1) throw new UnauthorizedException(); // expect: no-timing-unsafe-compare
    return true;
  }
}

@Injectable()
export class BasicAuthGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>();
    const header = request.headers.authorization ?? '';
    if (!header.startsWith('Basic ')) return false;
    const [user, password] = Buffer.from(header.slice(6), 'base64').toString().split(':');
    return user === 'metrics' && password === process.env.METRICS_PASSWORD; // expect: no-timing-unsafe-compare
  }
}
