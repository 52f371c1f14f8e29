/**
 * `.env.example`, `.env.sample`, `.env.template`, `.env.dist`, `.env.defaults` (placeholders meant to
 * be committed) and dotenv-vault's encrypted `.env.vault`.
 */
export function isEnvExample(name: string): boolean {
  return /\.(?:example|sample|template|dist|defaults?|vault)$/i.test(name);
}
