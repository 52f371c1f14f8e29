// A Prisma client extension that encrypts the fields it lists on every write (the shape of a real one).
declare const Prisma: { defineExtension<T>(make: (client: { $extends(x: object): T }) => T): T };
declare function encryptToken(value: string): string;

const ENCRYPTED_FIELDS = {
  account: ['access_token', 'refresh_token'],
  integration: ['apiKey'],
} as const;

function encryptData(data: Record<string, unknown>, fields: readonly string[]) {
  for (const field of fields) if (typeof data[field] === 'string') data[field] = encryptToken(data[field] as string);
}

export const encryptedTokens = Prisma.defineExtension((client) =>
  client.$extends({
    query: Object.fromEntries(
      Object.entries(ENCRYPTED_FIELDS).map(([model, fields]) => [
        model,
        {
          async create({ args, query }: { args: { data: Record<string, unknown> }; query: (a: unknown) => unknown }) {
            encryptData(args.data, fields);
            return query(args);
          },
        },
      ]),
    ),
  }),
);
