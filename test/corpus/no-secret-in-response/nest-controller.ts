import { Controller, Get, Param, Post, Body } from '@nestjs/common';
import { IntegrationsService } from './integrations.service';

@Controller('integrations')
export class IntegrationsController {
  constructor(private readonly integrations: IntegrationsService) {}

  @Get(':id')
  async findOne(@Param('id') id: string) {
    const integration = await this.integrations.findOne(id);
    return { id: integration.id, provider: integration.provider, clientSecret: integration.clientSecret }; // expect: no-secret-in-response
  }

  @Get(':id/webhook')
  async webhook(@Param('id') id: string) {
    const webhook = await this.integrations.webhook(id);
    return { url: webhook.url, signingSecret: webhook.signingSecret }; // expect: no-secret-in-response
  }

  @Get(':id/preview')
  async preview(@Param('id') id: string) {
    const integration = await this.integrations.findOne(id);
    return { id: integration.id, tokenPreview: integration.accessToken.substring(0, 6), keyId: integration.keyId };
  }

  @Post()
  async create(@Body() body: { provider: string }) {
    const created = await this.integrations.create(body.provider);
    return { id: created.id, webhookSecret: created.webhookSecret };
  }

  private internal(integration: { accessToken: string }) {
    return { accessToken: integration.accessToken };
  }
}
