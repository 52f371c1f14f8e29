import { Entity, EntitySchema, PrimaryKey, Property } from '@mikro-orm/core';

@Entity()
export class Customer {
  @PrimaryKey() id!: number;

  @Property() email!: string;

  @Property() password!: string; // expect-strict: no-plaintext-credential-column

  @Property({ fieldName: 'stripe_api_key' }) stripeKey!: string; // expect-strict: no-plaintext-credential-column

  @Property({ persist: false }) passwordConfirmation?: string;

  @Property({ type: 'datetime', nullable: true }) passwordResetAt?: Date;
}

export interface WebhookEndpoint {
  id: number;
  url: string;
  secret: string;
  secretHash: string;
}

export const WebhookEndpointSchema = new EntitySchema<WebhookEndpoint>({
  name: 'WebhookEndpoint',
  properties: {
    id: { type: 'number', primary: true },
    url: { type: 'string' },
    secret: { type: 'string' }, // expect-strict: no-plaintext-credential-column
    secretHash: { type: 'string' },
  },
});
